import "server-only";
import type { SubmittedAttestation } from "../client";
import { Status } from "../spec";
import { serverGreenprint } from "./greenprint";
import { listModels, type ModelSummary } from "./models";

export interface QueueItem extends SubmittedAttestation {
  model: ModelSummary | undefined;
}

/**
 * Attestations waiting for a verdict (status Submitted), oldest first. Read from the chain's
 * events and current statuses.
 */
export async function verificationQueue(): Promise<QueueItem[]> {
  const client = await serverGreenprint();
  const [submitted, models] = await Promise.all([client.listSubmittedAttestations(), listModels()]);
  const statuses = await Promise.all(submitted.map((s) => client.effectiveStatus(s.id)));
  const byId = new Map(models.map((m) => [m.id, m]));
  return submitted
    .filter((_, i) => statuses[i] === Status.SUBMITTED)
    .map((s) => ({ ...s, model: byId.get(s.modelId) }));
}
