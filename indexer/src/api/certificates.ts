// Certificates in the v1 API (SPEC 8, v1.1): one JSON shape for the model page and the verifiers' queue.
import { CERTIFICATE_FILTER_STATUSES } from "../../../lib/api/vocabulary";
import type { CertificateView } from "../../../lib/indexer/client";
import { CERTIFICATE_STATUS_NAMES, type CertificateStatus } from "../../../lib/spec";

/** Stored status number of a filter value. */
export function certificateStatusNumber(name: (typeof CERTIFICATE_FILTER_STATUSES)[number]): number {
  return CERTIFICATE_FILTER_STATUSES.indexOf(name) + 1;
}

interface CertificateRowLike {
  id: string;
  modelId: bigint;
  submitter: string;
  kind: number;
  amount: bigint;
  registry: string;
  serialHash: string;
  serial: string;
  uri: string;
  status: number;
  verifier: string | null;
  reasonHash: string | null;
  revokedBy: string | null;
  recordedAt: bigint;
  updatedAt: bigint;
}

/** A certificate row as the API serves it. */
export function certificateJson(c: CertificateRowLike): CertificateView {
  return {
    id: c.id,
    modelId: c.modelId.toString(),
    submitter: c.submitter,
    kind: c.kind === 0 ? ("REC" as const) : ("CARBON_CREDIT" as const),
    amount: c.amount.toString(),
    unit: c.kind === 0 ? ("Wh" as const) : ("gCO2e" as const),
    registry: c.registry,
    serial: c.serial,
    serialHash: c.serialHash,
    uri: c.uri,
    status: CERTIFICATE_STATUS_NAMES[c.status as CertificateStatus] ?? "NONE",
    verifier: c.verifier,
    reasonHash: c.reasonHash,
    revokedBy: c.revokedBy,
    recordedAt: c.recordedAt.toString(),
    updatedAt: c.updatedAt.toString(),
  };
}
