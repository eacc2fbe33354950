// Consistency check: recomputes every model's SPEC 9 aggregates and efficiency (v1.1) from the chain's logs (viem
// getLogs, lib/formulas aggregateModel) and compares them with what the indexer's API serves.
// Exit code 0 when everything matches, 1 on any difference, 2 when it cannot run.
//
//   INDEXER_URL=http://127.0.0.1:42069 RPC_URL=http://127.0.0.1:8545 CHAIN_ID=31337 \
//     npx tsx indexer/scripts/check-index.ts
import { createPublicClient, http, parseAbiItem, zeroHash } from "viem";
import {
  type AggregateAttestation,
  aggregateModel,
  efficiencyRatings,
  type ModelAggregate,
} from "../../lib/formulas";
import {
  attestationRegistryAbi,
  certificateRegistryAbi,
  modelRegistryAbi,
} from "../../lib/generated/contracts";
import { Status } from "../../lib/spec";
import { chainId, loadDeployment, rpcUrl, startBlock } from "../src/lib/settings";

void parseAbiItem;

interface ApiRow {
  id: string;
  attestations: number;
  energyWh: string;
  locationEmissionsG: string;
  marketEmissionsG: string;
  embodiedG: string;
  totalG: string;
  intensity: string;
  grade: string | null;
  renewableBps: string;
  gPerBillionParams: string | null;
  certificates: { recWh: string; creditsG: string; marketNetG: string };
  leafEarnedWei: string;
  trust: { methods: { METER: number; SOFTWARE: number; ESTIMATE: number }; verifiers: string[] };
  task: string | null;
  efficiency: {
    mWhPerPflop: string | null;
    mWhPerRequest: string | null;
    rating: string | null;
    requestRating: string | null;
  };
}

export interface CheckResult {
  block: number;
  models: number;
  attestations: number;
  compared: number;
  differences: string[];
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function checkIndex(options: {
  indexerUrl: string;
  rpcUrl?: string;
  chainId?: number;
  deploymentsDir?: string;
  log?: (line: string) => void;
}): Promise<CheckResult> {
  const log = options.log ?? (() => {});
  const id = options.chainId ?? chainId();
  const deployment = loadDeployment(id, options.deploymentsDir);
  const client = createPublicClient({
    transport: http(options.rpcUrl ?? rpcUrl(), { timeout: 120_000, batch: { batchSize: 200 } }),
  });
  const status = await getJson<{ sync: { block: { number: number; timestamp: number } } }>(
    `${options.indexerUrl}/api/v1/status`,
  );
  const toBlock = BigInt(status.sync.block.number);
  const fromBlock = BigInt(startBlock(deployment));
  log(`checking chain ${id} up to block ${toBlock} (indexer sync, time ${status.sync.block.timestamp})`);

  // Logs in block ranges (a local node answers large ranges slowly), in order.
  const step = BigInt(process.env.CHECK_BLOCK_RANGE ?? 20);
  async function logsOf<abi extends readonly unknown[]>(address: `0x${string}`, abi: abi) {
    // biome-ignore lint/suspicious/noExplicitAny: decoded logs of several ABIs
    const out: any[] = [];
    // A range whose answer is too large (or times out) is split in halves.
    const fetchRange = async (from: bigint, to: bigint): Promise<void> => {
      try {
        out.push(
          ...(await client.getContractEvents({ address, abi: abi as never, fromBlock: from, toBlock: to })),
        );
      } catch (error) {
        if (from === to) throw error;
        const mid = (from + to) / 2n;
        await fetchRange(from, mid);
        await fetchRange(mid + 1n, to);
      }
    };
    for (let from = fromBlock; from <= toBlock; from += step) {
      await fetchRange(from, from + step - 1n < toBlock ? from + step - 1n : toBlock);
    }
    return out as Array<{ eventName: string; args: Record<string, unknown> }>;
  }
  const [modelLogs, attLogs, certLogs] = await Promise.all([
    logsOf(deployment.contracts.ModelRegistry.address, modelRegistryAbi),
    logsOf(deployment.contracts.AttestationRegistry.address, attestationRegistryAbi),
    logsOf(deployment.contracts.CertificateRegistry.address, certificateRegistryAbi),
  ]);

  const params = new Map<bigint, bigint>();
  for (const l of modelLogs)
    if (l.eventName === "ModelRegistered")
      params.set(l.args.modelId as bigint, BigInt(l.args.parameterCount as bigint));

  interface Replayed extends AggregateAttestation {
    modelId: bigint;
    stored: number;
  }
  const atts = new Map<string, Replayed>();
  for (const l of attLogs) {
    const a = l.args as Record<string, unknown>;
    switch (l.eventName) {
      case "AttestationSubmitted": {
        const f = a.attestation as {
          kind: number;
          method: number;
          energyWh: bigint;
          locationIntensity: number;
          renewableBps: number;
          embodiedG: bigint;
          workUnits: bigint;
        };
        atts.set(a.id as string, {
          modelId: a.modelId as bigint,
          kind: f.kind as 0,
          method: f.method as 0,
          status: Status.SUBMITTED,
          stored: Status.SUBMITTED,
          energyWh: f.energyWh,
          locationIntensity: BigInt(f.locationIntensity),
          renewableBps: BigInt(f.renewableBps),
          embodiedG: f.embodiedG,
          workUnits: f.workUnits,
          leafPaidWei: 0n,
        });
        break;
      }
      case "AttestationVerified": {
        const r = atts.get(a.id as string);
        if (r)
          Object.assign(r, {
            stored: Status.VERIFIED,
            verifier: (a.verifier as string).toLowerCase(),
          });
        break;
      }
      case "AttestationRejected":
      case "AttestationWithdrawn":
      case "AttestationSuperseded":
      case "AttestationDisputed":
      case "DisputeUpheld":
      case "AttestationInvalidatedUnreviewed": {
        const r = atts.get(a.id as string);
        const to = {
          AttestationRejected: Status.REJECTED,
          AttestationWithdrawn: Status.WITHDRAWN,
          AttestationSuperseded: Status.SUPERSEDED,
          AttestationDisputed: Status.DISPUTED,
          DisputeUpheld: Status.INVALIDATED,
          AttestationInvalidatedUnreviewed: Status.INVALIDATED,
        }[l.eventName];
        if (r) r.stored = to;
        break;
      }
      case "DisputeDismissed": {
        const r = atts.get(a.id as string);
        if (r) r.stored = Status.VERIFIED;
        break;
      }
      case "RewardClaimed": {
        const r = atts.get(a.id as string);
        if (r) r.leafPaidWei = a.reward as bigint;
        break;
      }
    }
  }
  const certs = new Map<string, { modelId: bigint; kind: 0 | 1; amount: bigint; confirmed: boolean }>();
  for (const l of certLogs) {
    const a = l.args as Record<string, unknown>;
    if (l.eventName === "CertificateRecorded") {
      certs.set(a.id as string, {
        modelId: a.modelId as bigint,
        kind: Number(a.kind) as 0 | 1,
        amount: a.amount as bigint,
        confirmed: false,
      });
    } else if (l.eventName === "CertificateConfirmed" || l.eventName === "CertificateRevoked") {
      // SPEC 8: only Confirmed certificates count; a revoked one no longer does
      const c = certs.get(a.id as string);
      if (c) c.confirmed = l.eventName === "CertificateConfirmed";
    }
  }

  // Final or still in its window: the contract's own answer at the checked block (its pause-free
  // clock included: SPEC 5, v1.1), not a recomputation beside the indexer's.
  const verified = [...atts.entries()].filter(([, r]) => r.stored === Status.VERIFIED);
  const effective = await Promise.all(
    verified.map(([attId]) =>
      client.readContract({
        address: deployment.contracts.AttestationRegistry.address,
        abi: attestationRegistryAbi,
        functionName: "effectiveStatus",
        args: [attId as `0x${string}`],
        blockNumber: toBlock,
      }),
    ),
  );
  verified.forEach(([, r], i) => {
    r.status = Number(effective[i]) as Status;
  });
  const byModel = new Map<bigint, Replayed[]>();
  for (const r of atts.values()) {
    if (r.stored !== Status.VERIFIED) r.status = r.stored as Status;
    const list = byModel.get(r.modelId) ?? [];
    list.push(r);
    byModel.set(r.modelId, list);
  }

  const differences: string[] = [];
  let compared = 0;
  for (const include of ["final", "verified"] as const) {
    // Every ranked row from the API, by id.
    const served = new Map<string, ApiRow>();
    for (let page = 1; ; page++) {
      const body = await getJson<{ rows: ApiRow[]; total: number; sync: { block: { number: number } } }>(
        `${options.indexerUrl}/api/v1/leaderboard?include=${include}&sort=id&order=asc&pageSize=100&page=${page}`,
      );
      if (body.sync.block.number !== Number(toBlock)) {
        throw new Error(
          `the indexer moved from block ${toBlock} to ${body.sync.block.number} during the check; rerun when the chain is idle`,
        );
      }
      for (const row of body.rows) served.set(row.id, row);
      if (body.rows.length < 100) break;
    }
    const aggregates = new Map<bigint, ModelAggregate>();
    for (const [modelId, parameterCount] of params) {
      const list = byModel.get(modelId) ?? [];
      aggregates.set(
        modelId,
        aggregateModel(list, {
          includeVerified: include === "verified",
          parameterCount,
          certificates: [...certs.values()].filter((c) => c.modelId === modelId && c.confirmed),
        }),
      );
    }
    const ratings = ratingsByTask(aggregates, served);
    for (const [modelId, agg] of aggregates) {
      const row = served.get(modelId.toString());
      if (agg.attestationCount === 0) {
        if (row)
          differences.push(
            `model ${modelId} (${include}): ranked by the API with ${row.attestations} attestations, chain has none counted`,
          );
        continue;
      }
      compared++;
      if (!row) {
        differences.push(
          `model ${modelId} (${include}): missing from the API, chain has ${agg.attestationCount} counted attestations`,
        );
        continue;
      }
      const expect: Record<string, string | number | null> = {
        attestations: agg.attestationCount,
        energyWh: agg.energyWh.toString(),
        locationEmissionsG: agg.locationEmissionsG.toString(),
        marketEmissionsG: agg.marketEmissionsG.toString(),
        embodiedG: agg.embodiedG.toString(),
        totalG: agg.totalG.toString(),
        intensity: agg.intensity.toString(),
        grade: agg.grade,
        renewableBps: agg.renewableBps.toString(),
        gPerBillionParams: agg.gPerBillionParams === null ? null : agg.gPerBillionParams.toString(),
        recWh: agg.recWh.toString(),
        creditsG: agg.creditsG.toString(),
        marketNetG: agg.marketNetG.toString(),
        leafEarnedWei: agg.leafEarnedWei.toString(),
        METER: agg.methods[0],
        SOFTWARE: agg.methods[1],
        ESTIMATE: agg.methods[2],
        verifiers: [...agg.verifiers].sort().join(","),
        mWhPerPflop: agg.mWhPerPflop?.toString() ?? null,
        mWhPerRequest: agg.mWhPerRequest?.toString() ?? null,
        rating: ratings.training.get(modelId) ?? null,
        requestRating: ratings.inference.get(modelId) ?? null,
      };
      const got: Record<string, string | number | null> = {
        attestations: row.attestations,
        energyWh: row.energyWh,
        locationEmissionsG: row.locationEmissionsG,
        marketEmissionsG: row.marketEmissionsG,
        embodiedG: row.embodiedG,
        totalG: row.totalG,
        intensity: row.intensity,
        grade: row.grade,
        renewableBps: row.renewableBps,
        gPerBillionParams: row.gPerBillionParams,
        recWh: row.certificates.recWh,
        creditsG: row.certificates.creditsG,
        marketNetG: row.certificates.marketNetG,
        leafEarnedWei: row.leafEarnedWei,
        METER: row.trust.methods.METER,
        SOFTWARE: row.trust.methods.SOFTWARE,
        ESTIMATE: row.trust.methods.ESTIMATE,
        verifiers: [...row.trust.verifiers].sort().join(","),
        mWhPerPflop: row.efficiency.mWhPerPflop,
        mWhPerRequest: row.efficiency.mWhPerRequest,
        rating: row.efficiency.rating,
        requestRating: row.efficiency.requestRating,
      };
      for (const key of Object.keys(expect)) {
        if (expect[key] !== got[key])
          differences.push(`model ${modelId} (${include}) ${key}: chain ${expect[key]}, indexer ${got[key]}`);
      }
      served.delete(modelId.toString());
    }
    for (const extra of served.keys()) {
      if (!params.has(BigInt(extra)))
        differences.push(`model ${extra} (${include}): served by the API but never registered on chain`);
    }
  }
  void zeroHash;
  return { block: Number(toBlock), models: params.size, attestations: atts.size, compared, differences };
}

/**
 * The efficiency ratings (SPEC 9, v1.1) recomputed from the chain's figures: each metric rated
 * among the models of the same task that have it. The task lives in off-chain metadata, so it is
 * taken from the API's rows; every figure and the peer groups are the chain's.
 */
function ratingsByTask(aggregates: Map<bigint, ModelAggregate>, served: Map<string, ApiRow>) {
  const groups = { training: new Map<string, Array<{ key: bigint; value: bigint }>>(), inference: new Map() };
  for (const [id, agg] of aggregates) {
    if (agg.attestationCount === 0) continue;
    const task = (served.get(id.toString())?.task ?? "").toLowerCase();
    for (const [metric, value] of [
      ["training", agg.mWhPerPflop],
      ["inference", agg.mWhPerRequest],
    ] as const) {
      if (value === null) continue;
      const group = groups[metric].get(task) ?? [];
      group.push({ key: id, value });
      groups[metric].set(task, group);
    }
  }
  const rate = (byTask: Map<string, Array<{ key: bigint; value: bigint }>>) =>
    new Map([...byTask.values()].flatMap((group) => [...efficiencyRatings(group)]));
  return { training: rate(groups.training), inference: rate(groups.inference) };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "");
if (isMain) {
  const indexerUrl = process.env.INDEXER_URL ?? "http://127.0.0.1:42069";
  checkIndex({ indexerUrl, log: (line) => console.log(line) })
    .then((r) => {
      console.log(
        `block ${r.block}: ${r.models} models, ${r.attestations} attestations, ${r.compared} aggregates compared`,
      );
      if (r.differences.length === 0) {
        console.log("OK: no differences between the chain's logs and the index");
        process.exit(0);
      }
      for (const d of r.differences.slice(0, 200)) console.log(`DIFF ${d}`);
      console.log(`${r.differences.length} difference(s)`);
      process.exit(1);
    })
    .catch((error: unknown) => {
      console.error(`check-index could not run: ${error instanceof Error ? error.message : error}`);
      process.exit(2);
    });
}
