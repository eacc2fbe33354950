import type { Metadata } from "next";
import { RelayForm } from "@/components/verify/RelayForm";

export const metadata: Metadata = { title: "Relay a signature" };

export default function RelayPage() {
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Relay a signed verdict or submission</h1>
      <p className="max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
        Verifiers and model owners can sign instead of sending a transaction (EIP-712: bound to this chain,
        this contract, the signer's nonce and a deadline). Paste what they gave you; your wallet pays the gas,
        the signer's authority decides.
      </p>
      <RelayForm />
    </section>
  );
}
