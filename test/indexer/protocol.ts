// The scenario driver of the indexer tests: typed wrappers over the protocol's entry points.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Hex, keccak256, parseEther, sha256, toHex } from "viem";
import {
  attestationRegistryAbi,
  certificateRegistryAbi,
  modelRegistryAbi,
} from "../../lib/generated/contracts";
import { actors, type Chain, type Deployed, type Role } from "./chain";

export interface AttestationInput {
  modelId: bigint;
  kind: number;
  method: number;
  energyWh: bigint;
  pueMilli: number;
  locationIntensity: number;
  renewableBps: number;
  acceleratorHours: bigint;
  workUnits: bigint;
  embodiedG: bigint;
  periodStart: bigint;
  periodEnd: bigint;
  region: Hex;
  evidenceHash: Hex;
  evidenceURI: string;
  rowsRoot: Hex;
  supersedes: Hex;
}

export const ZERO32 = `0x${"00".repeat(32)}` as Hex;

export function region(code: string): Hex {
  return toHex(code, { size: 8 });
}

/** The scenario driver: typed wrappers over the protocol's entry points. */
export function protocol(chain: Chain, d: Deployed) {
  const a = actors(chain);
  const A = d.addresses;
  let periodCursor = 1_000_000n;
  return {
    ...a,
    async accredit(role: Role = "verifier", name = "Test verifier") {
      await a.send("admin", A.AttestationRegistry, attestationRegistryAbi, "accreditVerifier", [
        a.address(role),
        name,
        "https://verifier.example",
      ]);
    },
    async register(opts: {
      parentId?: bigint;
      parameterCount: bigint;
      metadata?: Record<string, unknown>;
      evidenceDir?: string;
    }) {
      const bytes = new TextEncoder().encode(JSON.stringify(opts.metadata ?? { name: "anonymous" }));
      const hash = sha256(bytes);
      if (opts.evidenceDir && opts.metadata) {
        mkdirSync(opts.evidenceDir, { recursive: true });
        writeFileSync(path.join(opts.evidenceDir, hash.slice(2)), bytes);
      }
      const receipt = await a.send("owner", A.ModelRegistry, modelRegistryAbi, "registerModel", [
        `https://example.invalid/${hash}`,
        hash,
        opts.parentId ?? 0n,
        opts.parameterCount,
      ]);
      const total = (await chain.client.readContract({
        address: A.ModelRegistry,
        abi: modelRegistryAbi,
        functionName: "totalModels",
      })) as bigint;
      void receipt;
      return total;
    },
    /** Submits an attestation of the owner's model; periods are consecutive so they never overlap. */
    async submit(
      fields: Partial<AttestationInput> & { modelId: bigint },
    ): Promise<{ id: Hex; input: AttestationInput }> {
      const start = periodCursor;
      periodCursor += 3600n;
      const input: AttestationInput = {
        kind: 0,
        method: 0,
        energyWh: 1_000_000n,
        pueMilli: 1200,
        locationIntensity: 400,
        renewableBps: 2500,
        acceleratorHours: 1000n,
        workUnits: 0n,
        embodiedG: 0n,
        periodStart: start,
        periodEnd: start + 3600n,
        region: region("FR"),
        evidenceHash: keccak256(toHex(`evidence-${start}`)),
        evidenceURI: `https://example.invalid/evidence/${start}`,
        rowsRoot: ZERO32,
        supersedes: ZERO32,
        ...fields,
      };
      const receipt = await a.send("owner", A.AttestationRegistry, attestationRegistryAbi, "submit", [input]);
      const id = receipt.logs.find(
        (l) => l.address.toLowerCase() === A.AttestationRegistry.toLowerCase() && l.topics.length === 4,
      )?.topics[1] as Hex;
      return { id, input };
    },
    verify: (id: Hex) => a.send("verifier", A.AttestationRegistry, attestationRegistryAbi, "verify", [id]),
    reject: (id: Hex) =>
      a.send("verifier", A.AttestationRegistry, attestationRegistryAbi, "reject", [
        id,
        keccak256(toHex("no")),
      ]),
    withdraw: (id: Hex) => a.send("owner", A.AttestationRegistry, attestationRegistryAbi, "withdraw", [id]),
    async dispute(id: Hex) {
      const params = (await chain.client.readContract({
        address: A.AttestationRegistry,
        abi: attestationRegistryAbi,
        functionName: "getParams",
      })) as { disputeBond: bigint };
      return a.send(
        "challenger",
        A.AttestationRegistry,
        attestationRegistryAbi,
        "dispute",
        [id, "https://example.invalid/why"],
        params.disputeBond,
      );
    },
    uphold: (id: Hex) =>
      a.send("admin", A.AttestationRegistry, attestationRegistryAbi, "upholdDispute", [
        id,
        keccak256(toHex("upheld")),
      ]),
    dismiss: (id: Hex) =>
      a.send("admin", A.AttestationRegistry, attestationRegistryAbi, "dismissDispute", [
        id,
        keccak256(toHex("dismissed")),
      ]),
    pause: () => a.send("admin", A.AttestationRegistry, attestationRegistryAbi, "pause", []),
    unpause: () => a.send("admin", A.AttestationRegistry, attestationRegistryAbi, "unpause", []),
    /** Adds Final runs of a model to its training tally (SPEC 6, v1.1; anyone may). */
    tally: (modelId: bigint, runs: AttestationInput[]) =>
      a.send("challenger", A.AttestationRegistry, attestationRegistryAbi, "tallyTraining", [modelId, runs]),
    claim: (input: AttestationInput) =>
      a.send("owner", A.AttestationRegistry, attestationRegistryAbi, "claimReward", [input]),
    seal: (modelId: bigint) => a.send("owner", A.ModelRegistry, modelRegistryAbi, "sealTraining", [modelId]),
    /** Records a certificate of the owner's model (I-REC, the raw serial); returns its id (Pending). */
    async recordCertificate(
      modelId: bigint,
      kind: number,
      amount: bigint,
      serial: string,
      by: Role = "owner",
    ) {
      const registry = toHex("I-REC", { size: 32 });
      await a.send(by, A.CertificateRegistry, certificateRegistryAbi, "recordCertificate", [
        modelId,
        kind,
        amount,
        registry,
        serial,
        "https://example.invalid/cert",
      ]);
      const serialHash = (await chain.client.readContract({
        address: A.CertificateRegistry,
        abi: certificateRegistryAbi,
        functionName: "certificateSerialHash",
        args: [registry, serial],
      })) as Hex;
      return (await chain.client.readContract({
        address: A.CertificateRegistry,
        abi: certificateRegistryAbi,
        functionName: "certificateOf",
        args: [serialHash],
      })) as Hex;
    },
    /** Records and confirms a certificate; returns its id. */
    async certificate(modelId: bigint, kind: number, amount: bigint, serial: string) {
      const id = await this.recordCertificate(modelId, kind, amount, serial);
      await a.send("verifier", A.CertificateRegistry, certificateRegistryAbi, "confirmCertificate", [id]);
      return id;
    },
    rejectCertificate: (id: Hex) =>
      a.send("verifier", A.CertificateRegistry, certificateRegistryAbi, "rejectCertificate", [
        id,
        keccak256(toHex("not the holder")),
      ]),
    revokeCertificate: (id: Hex) =>
      a.send("admin", A.CertificateRegistry, certificateRegistryAbi, "revokeCertificate", [
        id,
        keccak256(toHex("double-claimed")),
      ]),
    async advance(seconds: number) {
      await chain.client.request({ method: "evm_increaseTime" as never, params: [seconds] as never });
      await chain.client.request({ method: "evm_mine" as never, params: [] as never });
    },
    parseEther,
  };
}
