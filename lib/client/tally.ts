/**
 * The efficiency bonus's training tally (SPEC 6, v1.1 "Approving costs bounded gas"): the registry keeps each
 * model's Final METER/SOFTWARE PRETRAINING energy as a running sum that anyone feeds, in chunks, with the runs'
 * fields (energy is not stored on chain). Approval reads the two sums and needs both tallies complete: every live
 * PRETRAINING run tallied.
 */
import type { Hex } from "viem";
import type { AttestationStruct } from "../eip712";
import { Kind, Method, Status } from "../spec";
import type { attestationsModule } from "./attestations";
import { type Core, eventArgs } from "./core";
import { GreenprintValidationError, type WriteAction, type WriteOptions, type WriteResult } from "./types";

/** Runs per tallyTraining transaction by default: ~33k gas each, so ~1.7M gas and ~35 KB of calldata. */
export const TALLY_CHUNK = 50;

/** A model's tally as the registry keeps it. */
export interface TrainingTally {
  /** Sum of the tallied runs' energy (E once complete). */
  energyWh: bigint;
  /** Runs tallied. */
  runs: bigint;
  /** Live (Submitted, Verified, Disputed) PRETRAINING runs. */
  liveRuns: bigint;
  /** Every live run tallied: approval can use this model's energy. */
  complete: boolean;
}

/** Why a live run is not (yet) in the tally. */
export type UntalliedReason = "estimate" | "notFinal" | "ready";

/** A live PRETRAINING run of a model and where it stands in the tally. */
export interface TrainingRun {
  id: Hex;
  attestation: AttestationStruct;
  status: Status;
  /** Tallied, or why not: "ready" (Final, can be tallied now), "notFinal" (wait), "estimate" (never counted). */
  tally: "tallied" | UntalliedReason;
}

/** What the bonus approval pays (EfficiencyBonusPaid). */
export interface BonusPaid {
  bonus: bigint;
  verifierReward: bigint;
}

/** Thrown before the approval is sent when a tally stays incomplete after tallying what was ready. */
export class GreenprintTallyIncompleteError extends Error {
  constructor(
    readonly modelId: bigint,
    readonly missing: TrainingRun[],
  ) {
    const estimates = missing.filter((r) => r.tally === "estimate").length;
    const waiting = missing.length - estimates;
    const parts = [
      waiting > 0 ? `${waiting} run(s) not Final yet (tally them once their challenge window is over)` : "",
      estimates > 0 ? `${estimates} ESTIMATE run(s), which never count: this model gets no bonus` : "",
    ].filter(Boolean);
    super(`The training tally of model ${modelId} is incomplete: ${parts.join("; ")}. Nothing was approved.`);
  }
}

export function tallyModule(
  core: Core,
  attestations: ReturnType<typeof attestationsModule>,
  approve: WriteAction<{ modelId: bigint }, BonusPaid>,
) {
  async function trainingTally(modelId: bigint): Promise<TrainingTally> {
    const [energyWh, runs, liveRuns] = await core.read("AttestationRegistry", "trainingTally", [modelId]);
    return { energyWh, runs, liveRuns, complete: runs === liveRuns };
  }

  /** Every live PRETRAINING run of a model (from the registry's events) with its tally state, oldest first. */
  async function trainingRuns(modelId: bigint): Promise<TrainingRun[]> {
    const all = await attestations.listSubmittedAttestations({ modelId });
    const pretraining = all.filter((a) => a.attestation.kind === Kind.PRETRAINING);
    const states = await Promise.all(
      pretraining.map(async (r) => {
        const [status, tallied] = await Promise.all([
          attestations.effectiveStatus(r.id),
          core.read("AttestationRegistry", "talliedEnergy", [r.id]),
        ]);
        return { status: status as Status, tallied: tallied > 0n };
      }),
    );
    const live = new Set<Status>([Status.SUBMITTED, Status.VERIFIED, Status.DISPUTED, Status.FINAL]);
    const out: TrainingRun[] = [];
    pretraining.forEach((r, i) => {
      const { status, tallied } = states[i] as { status: Status; tallied: boolean };
      if (!live.has(status)) return;
      const tally = tallied
        ? "tallied"
        : r.attestation.method === Method.ESTIMATE
          ? "estimate"
          : status === Status.FINAL
            ? "ready"
            : "notFinal";
      out.push({ id: r.id, attestation: r.attestation, status, tally });
    });
    return out;
  }

  /** One tallyTraining transaction: the given runs of one model (anyone may send it). */
  const tallyTraining = core.write((input: { modelId: bigint; runs: AttestationStruct[] }) => {
    if (input.runs.length === 0) throw new GreenprintValidationError({ runs: "no run to tally" });
    return {
      contract: "AttestationRegistry" as const,
      functionName: "tallyTraining",
      args: [input.modelId, input.runs],
      fromEvents: (events: Parameters<typeof eventArgs>[0]) => {
        const tallied = events.filter((e) => e.eventName === "TrainingRunTallied");
        if (tallied.length === 0) eventArgs(events, "TrainingRunTallied"); // throws: nothing was tallied
        return {
          runs: tallied.map((e) => e.args.id as Hex),
          energyWh: tallied.reduce((s, e) => s + (e.args.energyWh as bigint), 0n),
        };
      },
    };
  });

  /**
   * Tallies every run of a model that is Final and not yet tallied, `chunkSize` runs per transaction, and
   * returns the transactions sent (none when nothing is ready). Runs that are not Final yet, and ESTIMATE runs
   * (never counted), stay out: the tally then stays incomplete, see {@link trainingRuns}.
   */
  async function tallyReadyRuns(
    input: { modelId: bigint; chunkSize?: number },
    options: WriteOptions = {},
  ): Promise<WriteResult<{ runs: Hex[]; energyWh: bigint }>[]> {
    const size = input.chunkSize ?? TALLY_CHUNK;
    if (!Number.isInteger(size) || size < 1) {
      throw new GreenprintValidationError({
        chunkSize: "chunk size must be a whole number of runs, at least 1",
      });
    }
    const ready = (await trainingRuns(input.modelId)).filter((r) => r.tally === "ready");
    const sent: WriteResult<{ runs: Hex[]; energyWh: bigint }>[] = [];
    for (let i = 0; i < ready.length; i += size) {
      const runs = ready.slice(i, i + size).map((r) => r.attestation);
      sent.push(await tallyTraining({ modelId: input.modelId, runs }, options));
    }
    return sent;
  }

  /**
   * The verifier's whole approval: tallies what is ready of the model and of its parent (chunked), checks both
   * tallies are complete (else {@link GreenprintTallyIncompleteError}, nothing approved), then approves.
   */
  async function tallyAndApproveEfficiencyBonus(
    input: { modelId: bigint; chunkSize?: number },
    options: WriteOptions = {},
  ): Promise<{
    tallies: WriteResult<{ runs: Hex[]; energyWh: bigint }>[];
    approval: WriteResult<BonusPaid>;
  }> {
    const { parentId } = await core.read("ModelRegistry", "getModel", [input.modelId]);
    const tallies: WriteResult<{ runs: Hex[]; energyWh: bigint }>[] = [];
    for (const modelId of [input.modelId, parentId]) {
      tallies.push(...(await tallyReadyRuns({ modelId, chunkSize: input.chunkSize }, options)));
      if (!(await trainingTally(modelId)).complete) {
        const missing = (await trainingRuns(modelId)).filter((r) => r.tally !== "tallied");
        throw new GreenprintTallyIncompleteError(modelId, missing);
      }
    }
    const approval = await approve({ modelId: input.modelId }, options);
    return { tallies, approval };
  }

  return { trainingTally, trainingRuns, tallyTraining, tallyReadyRuns, tallyAndApproveEfficiencyBonus };
}
