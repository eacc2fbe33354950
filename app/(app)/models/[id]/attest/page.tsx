import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AttestForm } from "@/components/attest/AttestForm";
import { getModelDetail } from "@/lib/server/models";

export const metadata: Metadata = { title: "Submit an attestation" };
export const dynamic = "force-dynamic";

export default async function AttestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,20}$/.test(id)) notFound();
  const model = await getModelDetail(BigInt(id));
  if (!model) notFound();
  const name = model.metadata?.name ?? `Model #${id}`;
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Submit an attestation for {name}</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Import a CodeCarbon log or a model card, or estimate, then check every figure. The evidence document
          is built and hashed in your browser (RFC 8785 + SHA-256), stored by content address, and its hash
          goes on chain with the figures. A verifier re-hashes it before any verdict.
        </p>
      </div>
      <AttestForm modelId={id} modelName={name} />
    </section>
  );
}
