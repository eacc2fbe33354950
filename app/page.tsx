import Link from "next/link";

export default function HomePage() {
  return (
    <section className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-semibold">What did this model cost the climate?</h1>
      <p className="text-neutral-700 dark:text-neutral-300">
        Greenprint is an on-chain registry of AI models and of their training and inference energy. Developers
        register models and attest the energy they used, backed by evidence; accredited verifiers check the
        evidence; verified low-carbon training earns LEAF. Anyone can browse the registry.
      </p>
      <Link
        href="/models"
        className="inline-block rounded-md bg-leaf-700 px-4 py-2 font-medium text-white hover:bg-leaf-800"
      >
        Browse registered models
      </Link>
    </section>
  );
}
