import type { Metadata } from "next";
import { RegisterModelForm } from "@/components/RegisterModelForm";

export const metadata: Metadata = { title: "Register a model" };

export default function RegisterModelPage() {
  return (
    <section aria-labelledby="register-title" className="space-y-6">
      <div>
        <h1 id="register-title" className="text-2xl font-semibold">
          Register a model
        </h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Registration mints a Greenprint Model token (GPM) to your wallet. The metadata below is stored in
          the evidence store and its SHA-256 goes on chain.
        </p>
      </div>
      <RegisterModelForm />
    </section>
  );
}
