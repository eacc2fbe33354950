import Link from "next/link";

/** An id the index does not know, or not an attestation id at all. */
export function NoSuchAttestation({ id }: { id: string }) {
  return (
    <article className="space-y-4" data-testid="attestation-not-found">
      <h1 className="text-3xl font-semibold">No such attestation</h1>
      <p className="max-w-prose text-sm text-neutral-700 dark:text-neutral-300">
        The registry has no attestation <code className="break-all">{id}</code>. An attestation id is 0x
        followed by 64 hexadecimal digits, as printed by <code>greenprint attest</code>. One submitted in the
        last few seconds shows here once the index has its block: refresh in a moment.
      </p>
      <Link href="/models" className="text-sm underline">
        Every registered model
      </Link>
    </article>
  );
}
