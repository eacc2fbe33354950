import path from "node:path";
import {
  type Chain,
  type Deployed,
  deploy,
  freePort,
  type Indexer,
  indexChain,
  protocol,
  region,
  startAnvil,
  tempDir,
  WEEK,
} from "./helpers";

type Att = { id: `0x${string}`; input: Parameters<ReturnType<typeof protocol>["claim"]>[0] };

export interface Scenario {
  chain: Chain;
  deployed: Deployed;
  indexer: Indexer;
  dir: string;
  p: ReturnType<typeof protocol>;
  ids: Record<"a" | "b" | "c" | "d", bigint>;
  certs: Record<"revoked" | "squat" | "pending", `0x${string}`>;
  att: Record<"a1" | "a2" | "b1" | "b2" | "b3" | "b4" | "c1" | "c2" | "d1" | "d2", Att>;
}

export async function startScenario(): Promise<Scenario> {
  const ids = {} as Scenario["ids"];
  const certs = {} as Scenario["certs"];
  const att = {} as Scenario["att"];
  const dir = tempDir("indexer");
  const chain = await startAnvil(await freePort());
  const deployed = deploy(chain, dir);
  const p = protocol(chain, deployed);
  const evidenceDir = path.join(dir, "evidence");
  await p.accredit();
  ids.a = await p.register({
    parameterCount: 7_000_000_000n,
    evidenceDir,
    metadata: { name: "Alpha-7B", organization: "Org A", task: "text-generation", version: "1" },
  });
  ids.b = await p.register({
    parentId: ids.a,
    parameterCount: 7_000_000_000n,
    evidenceDir,
    metadata: { name: "Alpha-7B-chat", organization: "Org A", task: "text-generation", version: "1" },
  });
  ids.c = await p.register({
    parameterCount: 300_000_000n,
    evidenceDir,
    metadata: { name: "Vision-S", organization: "Org C", task: "image-classification", version: "1" },
  });
  ids.d = await p.register({ parameterCount: 0n }); // no metadata in the store, unknown size

  // A: METER pretraining (will be Final and claimed) + SOFTWARE inference in the US (Final).
  att.a1 = await p.submit({
    modelId: ids.a,
    kind: 0,
    method: 0,
    energyWh: 2_000_000n,
    locationIntensity: 60,
    renewableBps: 5000,
    embodiedG: 1234n,
    workUnits: 18_446_744_073_709_551_615n, // uint64 max: past 2^53, so only a decimal string carries it
  });
  att.a2 = await p.submit({
    modelId: ids.a,
    kind: 2,
    method: 1,
    energyWh: 333_333n,
    locationIntensity: 451,
    renewableBps: 1234,
    region: region("US-CA"),
  });
  await p.verify(att.a1.id);
  await p.verify(att.a2.id);
  // B: one disputed then upheld (invalidated), one rejected, one withdrawn, one Final.
  att.b1 = await p.submit({ modelId: ids.b, kind: 1, method: 1, energyWh: 50_000n, locationIntensity: 20 });
  att.b2 = await p.submit({
    modelId: ids.b,
    kind: 1,
    method: 0,
    energyWh: 70_000n,
    locationIntensity: 700,
  });
  att.b3 = await p.submit({
    modelId: ids.b,
    kind: 2,
    method: 2,
    energyWh: 10_000n,
    locationIntensity: 100,
  });
  att.b4 = await p.submit({
    modelId: ids.b,
    kind: 2,
    method: 0,
    energyWh: 99_999n,
    locationIntensity: 33,
    renewableBps: 9999,
  });
  await p.verify(att.b1.id);
  await p.reject(att.b2.id);
  await p.withdraw(att.b3.id);
  await p.verify(att.b4.id);
  await p.dispute(att.b1.id);
  await p.uphold(att.b1.id);
  // C: disputed then dismissed: back to Verified.
  att.c1 = await p.submit({
    modelId: ids.c,
    kind: 0,
    method: 2,
    energyWh: 123_456_789n,
    locationIntensity: 1500,
    renewableBps: 0,
    embodiedG: 5_000_000n,
  });
  await p.verify(att.c1.id);
  await p.dispute(att.c1.id);
  await p.dismiss(att.c1.id);
  await p.certificate(ids.a, 0, 500_000n, "REC-1");
  await p.certificate(ids.a, 1, 10_000n, "CREDIT-1");
  // SPEC 8 v1.1: a revoked certificate stops counting; a rejected one frees its serial for a new record.
  certs.revoked = await p.certificate(ids.a, 0, 777n, "REC-REVOKED");
  await p.revokeCertificate(certs.revoked);
  certs.squat = await p.recordCertificate(ids.b, 0, 999n, "REC-SQUAT 1");
  await p.rejectCertificate(certs.squat);
  certs.pending = await p.recordCertificate(ids.a, 0, 999n, "REC-SQUAT 1");
  // Time passes: everything verified so far becomes Final; claim A's pretraining reward.
  await p.advance(WEEK + 60);
  await p.claim(att.a1.input);
  // D: verified after the window moved on: Verified, not Final.
  att.d1 = await p.submit({
    modelId: ids.d,
    kind: 2,
    method: 0,
    energyWh: 42_000n,
    locationIntensity: 250,
  });
  await p.verify(att.d1.id);
  // The queues: C has one left Submitted (verifiers'); D one Verified, then disputed and not yet ruled on (arbiters').
  att.c2 = await p.submit({ modelId: ids.c, kind: 2, method: 1, energyWh: 7_777n, locationIntensity: 77 });
  att.d2 = await p.submit({ modelId: ids.d, kind: 2, method: 0, energyWh: 8_888n, locationIntensity: 88 });
  await p.verify(att.d2.id);
  await p.dispute(att.d2.id);

  const indexer = await indexChain({ chain, deployed, schema: "test", dir, evidenceDir });
  return { chain, deployed, indexer, dir, p, ids, att, certs };
}
