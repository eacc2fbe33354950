// Test harness for the indexer: a private anvil, a deploy into a temp dir (forge's broadcast and
// the deployments file never touch the repo's), actors with anvil's known keys, the indexer as a
// child process, and HTTP helpers.
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  parseEther,
  sha256,
  toHex,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { checkIndex } from "../../indexer/scripts/check-index";
import {
  attestationRegistryAbi,
  certificateRegistryAbi,
  modelRegistryAbi,
} from "../../lib/generated/contracts";
import { anvilArgs } from "../../script/lib/anvil";
import { foundryBin } from "../../script/lib/foundry";
import { checkAnswer, isApiAnswer } from "./apiContract";

// Every /api/v1 JSON answer these tests read (getJson, the typed client, plain fetch) is checked
// against its route's schema in lib/api first: an answer that drifts from it fails the test.
const fetchUnchecked = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const response = await fetchUnchecked(input, init);
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (isApiAnswer(url) && response.headers.get("content-type")?.includes("application/json"))
    checkAnswer(url, response.status, await response.clone().json());
  return response;
};

export const REPO = path.resolve(import.meta.dirname, "..", "..");
const BIN = path.join(REPO, "node_modules", ".bin");

export const KEYS = {
  admin: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  owner: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  verifier: "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  challenger: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
} as const;

/** Every child process started for the tests, killed by killAll. */
export const started: ChildProcess[] = [];

/** Kills every child this harness started (process groups), e.g. in `after`. */
export function killAll() {
  for (const child of started) stop(child, "SIGKILL");
}

export function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function waitExit(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once("exit", resolve));
}

export { tempDir } from "../../script/lib/tempDir";

/**
 * How much slower than idle this machine is now (>= 1): the run queue per core. Used for safety
 * nets against hangs (suite timeouts), never as the reason a wait ends: waits follow events.
 */
export function slowdown(): number {
  return Math.max(1, (loadavg()[0] ?? 0) / availableParallelism());
}

/** `ms` scaled with the machine's current load. */
export function scaled(ms: number): number {
  return Math.round(ms * slowdown());
}

/**
 * Polls `check` until it returns a truthy value. Gives up only when nothing has moved for
 * `stallMs` (scaled with the load): `progress` (e.g. an indexer's log size and synced block)
 * changing counts as movement, so a slow but working machine never fails a wait.
 */
async function until<T>(
  what: string,
  stallMs: number,
  check: () => Promise<T | undefined | null | false>,
  progress: () => unknown = () => null,
): Promise<T> {
  let lastMove = Date.now();
  let lastProgress = JSON.stringify(progress());
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if ((error as { fatal?: boolean }).fatal) throw error;
      last = error;
    }
    const now = JSON.stringify(progress());
    if (now !== lastProgress) {
      lastProgress = now;
      lastMove = Date.now();
    }
    const waited = Date.now() - lastMove;
    if (waited > scaled(stallMs)) {
      const cause = last ? `: ${(last as Error).message}${causeOf(last)}` : "";
      throw new Error(`nothing moved for ${waited} ms while waiting for ${what}${cause}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ? ` (${cause.message})` : "";
}

/** An error that ends a wait at once (e.g. the process it waits for has exited). */
export function fatal(message: string): Error {
  return Object.assign(new Error(message), { fatal: true });
}

export interface Chain {
  rpcUrl: string;
  port: number;
  child: ChildProcess;
  client: PublicClient;
}

export async function startAnvil(port: number, extra: string[] = []): Promise<Chain> {
  const child = spawn(foundryBin("anvil"), anvilArgs(port, extra), {
    detached: true,
    stdio: "ignore",
  });
  started.push(child);
  const rpcUrl = `http://127.0.0.1:${port}`;
  const client = createPublicClient({
    chain: anvil,
    cacheTime: 0,
    transport: http(rpcUrl, { retryCount: 0, timeout: 120_000 }),
  }) as PublicClient;
  await until("anvil", 20_000, async () => {
    if (child.exitCode !== null) throw fatal(`anvil exited with ${child.exitCode} (port ${port} taken?)`);
    return (await client.getChainId()) === 31337;
  });
  return { rpcUrl, port, child, client };
}

export interface Deployed {
  dir: string;
  deploymentsDir: string;
  addresses: Record<
    "ModelRegistry" | "AttestationRegistry" | "CertificateRegistry" | "EfficiencyBonus" | "LeafToken",
    Address
  >;
}

/** forge script script/Deploy.s.sol into `dir` (broadcast and cache redirected there). */
export function deploy(chain: Chain, dir: string): Deployed {
  const broadcast = path.join(dir, "broadcast");
  execFileSync(
    foundryBin("forge"),
    ["script", "script/Deploy.s.sol", "--rpc-url", chain.rpcUrl, "--broadcast", "--slow"],
    {
      cwd: REPO,
      env: { ...process.env, DEPLOYER_PRIVATE_KEY: KEYS.admin, FOUNDRY_BROADCAST: broadcast },
      stdio: "pipe",
    },
  );
  const record = JSON.parse(
    readFileSync(path.join(broadcast, "Deploy.s.sol", "31337", "run-latest.json"), "utf8"),
  ) as {
    transactions: {
      transactionType: string;
      contractName: string | null;
      contractAddress: string;
      hash: string;
    }[];
    receipts: { transactionHash: string; blockNumber: string }[];
  };
  const contracts: Record<string, { address: string; blockNumber: number; transactionHash: string }> = {};
  for (const tx of record.transactions) {
    if (tx.transactionType !== "CREATE" || !tx.contractName) continue;
    const receipt = record.receipts.find((r) => r.transactionHash === tx.hash);
    if (!receipt) throw new Error(`no receipt for the deployment of ${tx.contractName}`);
    contracts[tx.contractName] = {
      address: tx.contractAddress,
      blockNumber: Number(BigInt(receipt.blockNumber)),
      transactionHash: tx.hash,
    };
  }
  const deploymentsDir = path.join(dir, "deployments");
  mkdirSync(deploymentsDir, { recursive: true });
  writeFileSync(
    path.join(deploymentsDir, "31337.json"),
    JSON.stringify({ chainId: 31337, contracts }, null, 2),
  );
  const addresses = Object.fromEntries(
    Object.entries(contracts).map(([k, v]) => [k, v.address as Address]),
  ) as Deployed["addresses"];
  return { dir, deploymentsDir, addresses };
}

export type Role = keyof typeof KEYS;

export function actors(chain: Chain) {
  const wallet = (role: Role) =>
    createWalletClient({
      account: privateKeyToAccount(KEYS[role]),
      chain: { ...anvil, rpcUrls: { default: { http: [chain.rpcUrl] } } },
      transport: http(chain.rpcUrl),
    });
  const wallets = {
    admin: wallet("admin"),
    owner: wallet("owner"),
    verifier: wallet("verifier"),
    challenger: wallet("challenger"),
  };
  const send = async (
    role: Role,
    address: Address,
    abi: readonly unknown[],
    functionName: string,
    args: unknown[],
    value?: bigint,
  ) => {
    // biome-ignore lint/suspicious/noExplicitAny: generic helper over several ABIs
    const hash = await (wallets[role] as any).writeContract({ address, abi, functionName, args, value });
    const receipt = await chain.client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
    return receipt;
  };
  return { wallets, send, address: (role: Role) => privateKeyToAccount(KEYS[role]).address };
}

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

export interface Indexer {
  url: string;
  child: ChildProcess;
  log: string;
}

export function startIndexer(opts: {
  port: number;
  chain: Chain;
  deployed: Deployed;
  pgliteDir?: string;
  databaseUrl?: string;
  schema: string;
  evidenceDir?: string;
  logFile: string;
  /** The Ponder app's directory (default indexer/). */
  root?: string;
  env?: Record<string, string>;
}): Indexer {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Ponder prefers PORT over --port: never inherit one.
    PORT: String(opts.port),
    CHAIN_ID: "31337",
    RPC_URL: opts.chain.rpcUrl,
    DEPLOYMENTS_DIR: opts.deployed.deploymentsDir,
    DATABASE_SCHEMA: opts.schema,
    EVIDENCE_DIR: opts.evidenceDir ?? path.join(opts.deployed.dir, "evidence"),
    METADATA_FETCH: "0",
    ...opts.env,
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else env.PGLITE_DIR = opts.pgliteDir ?? path.join(opts.deployed.dir, "pglite");
  const out = openSync(opts.logFile, "a");
  const child = spawn(
    path.join(BIN, "ponder"),
    ["start", "--port", String(opts.port), "--log-format", "json", "--log-level", "info"],
    {
      cwd: opts.root ?? path.join(REPO, "indexer"),
      env,
      detached: true,
      stdio: ["ignore", out, out],
    },
  );
  started.push(child);
  return { url: `http://127.0.0.1:${opts.port}`, child, log: opts.logFile };
}

export async function getJson<T = Record<string, unknown>>(
  url: string,
): Promise<{ status: number; body: T }> {
  // Bounded, so one lost request cannot stall a wait; generous, so a loaded machine still answers.
  const response = await fetch(url, { signal: AbortSignal.timeout(scaled(30_000)) });
  const text = await response.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    body = text as T;
  }
  return { status: response.status, body };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Why an indexer cannot answer at its URL, read from its log: Ponder takes the next port by itself
 * when its port is busy, so a test would otherwise wait on the wrong port.
 */
function portProblem(indexer: Indexer): string | null {
  let text = "";
  try {
    text = readFileSync(indexer.log, "utf8");
  } catch {
    return null;
  }
  const expected = Number(new URL(indexer.url).port);
  for (const line of text.split("\n")) {
    const match = line.includes("Created HTTP server") ? /"port":(\d+)/.exec(line) : null;
    if (match && Number(match[1]) !== expected)
      return `Ponder listens on port ${match[1]}, not ${expected} (the port was taken; log ${indexer.log})`;
  }
  return null;
}

/**
 * Waits until the indexer reports a sync block >= `block`. It follows the indexer: the wait goes on
 * while the log grows or the synced block moves, and ends at once if the process exits or listens
 * on another port; it fails only after `stallMs` (scaled with the load) without any movement.
 */
export async function waitForSync(indexer: Indexer, block: bigint, stallMs = 60_000) {
  let synced = -1;
  return until(
    `indexer at ${indexer.url} to reach block ${block} (log: ${indexer.log})`,
    stallMs,
    async () => {
      if (indexer.child.exitCode !== null || indexer.child.signalCode !== null)
        throw fatal(
          `indexer exited with ${indexer.child.exitCode ?? indexer.child.signalCode}; log ${indexer.log}`,
        );
      const problem = portProblem(indexer);
      if (problem) throw fatal(problem);
      const { status, body } = await getJson<{ sync?: { block: { number: number } } }>(
        `${indexer.url}/api/v1/status`,
      );
      if (status === 200 && body.sync) synced = body.sync.block.number;
      return status === 200 && body.sync && BigInt(body.sync.block.number) >= block ? body : null;
    },
    () => [fileSize(indexer.log), synced],
  );
}

export { until };

/**
 * A TCP port nobody uses now, below the kernel's ephemeral range (32768-60999 on Linux): a port
 * from that range can meanwhile become the local end of some outgoing connection (this test's own
 * RPC calls), and Ponder then silently moves to the next port. Checked free by binding it.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.unref();
      server.once("error", () => resolve(false));
      server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** check-index (the chain's logs and the contract's statuses against the API): no difference allowed. */
export async function assertIndexMatchesChain(indexer: { url: string }, chain: Chain, deployed: Deployed) {
  const result = await checkIndex({
    indexerUrl: indexer.url,
    rpcUrl: chain.rpcUrl,
    chainId: 31337,
    deploymentsDir: deployed.deploymentsDir,
  });
  assert.deepEqual(result.differences, []);
  return result;
}
