// Bulk seeding through bench/contracts/Seeder.sol (compiled here with npm solcjs, nothing written
// to out/): a SeedOwner contract registers models and submits attestations in batches, a
// SeedVerifier contract (accredited by the admin) verifies them. Used by the bench and the tests.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  type Address,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  type PublicClient,
  parseAbi,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";

const require = createRequire(import.meta.url);
const REPO = path.resolve(import.meta.dirname, "..");
const ADMIN_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

let compiled: {
  owner: { abi: unknown[]; bytecode: Hex };
  verifier: { abi: unknown[]; bytecode: Hex };
} | null = null;

export function compileSeeder() {
  if (compiled) return compiled;
  const solc = require("solc");
  const input = {
    language: "Solidity",
    sources: {
      "bench/contracts/Seeder.sol": {
        content: readFileSync(path.join(REPO, "bench/contracts/Seeder.sol"), "utf8"),
      },
    },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "prague",
      outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
    },
  };
  const output = JSON.parse(
    solc.compile(JSON.stringify(input), {
      import: (p: string) => {
        try {
          return { contents: readFileSync(path.join(REPO, path.normalize(p)), "utf8") };
        } catch {
          return { error: `not found: ${p}` };
        }
      },
    }),
  );
  const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === "error");
  if (errors.length)
    throw new Error(errors.map((e: { formattedMessage: string }) => e.formattedMessage).join("\n"));
  const c = output.contracts["bench/contracts/Seeder.sol"];
  compiled = {
    owner: { abi: c.SeedOwner.abi, bytecode: `0x${c.SeedOwner.evm.bytecode.object}` },
    verifier: { abi: c.SeedVerifier.abi, bytecode: `0x${c.SeedVerifier.evm.bytecode.object}` },
  };
  return compiled;
}

const attestationAbi = parseAbi([
  "event AttestationSubmitted(bytes32 indexed id, uint256 indexed modelId, address indexed submitter, (uint256,uint8,uint8,uint64,uint16,uint32,uint16,uint64,uint64,uint64,uint64,bytes8,bytes32,string,bytes32,bytes32) attestation, uint256 locationEmissionsG, uint256 marketEmissionsG, uint256 totalG)",
  "function accreditVerifier(address account, string name, string uri)",
]);
const modelAbi = parseAbi(["function totalModels() view returns (uint256)"]);

export interface SeedTarget {
  rpcUrl: string;
  client: PublicClient;
  modelRegistry: Address;
  attestationRegistry: Address;
}

/** Deploys the two seeder contracts and accredits the verifier one. */
export async function deploySeeder(t: SeedTarget) {
  const c = compileSeeder();
  const wallet = createWalletClient({
    account: privateKeyToAccount(ADMIN_KEY),
    chain: { ...anvil, rpcUrls: { default: { http: [t.rpcUrl] } } },
    transport: http(t.rpcUrl),
  });
  const deployOne = async (x: { abi: unknown[]; bytecode: Hex }) => {
    const hash = await wallet.deployContract({ abi: x.abi, bytecode: x.bytecode });
    const receipt = await t.client.waitForTransactionReceipt({ hash });
    return receipt.contractAddress as Address;
  };
  const owner = await deployOne(c.owner);
  const verifier = await deployOne(c.verifier);
  const accredit = await wallet.writeContract({
    address: t.attestationRegistry,
    abi: attestationAbi,
    functionName: "accreditVerifier",
    args: [verifier, "Bench verifier", ""],
  });
  await t.client.waitForTransactionReceipt({ hash: accredit });
  return { wallet, owner, verifier };
}

type Seeder = Awaited<ReturnType<typeof deploySeeder>>;

/**
 * Sends `calls` as transactions without waiting (anvil mines them as they come, several per
 * block), then waits for all receipts. Returns the receipts in order.
 */
async function sendAll(t: SeedTarget, s: Seeder, calls: Array<{ to: Address; data: Hex; gas: bigint }>) {
  let nonce = await t.client.getTransactionCount({ address: s.wallet.account.address, blockTag: "pending" });
  const hashes: Hex[] = [];
  for (const call of calls) {
    hashes.push(
      await s.wallet.sendTransaction({ to: call.to, data: call.data, gas: call.gas, nonce: nonce++ }),
    );
  }
  const receipts = [];
  for (const hash of hashes) {
    const r = await t.client.waitForTransactionReceipt({ hash, pollingInterval: 50, timeout: 600_000 });
    if (r.status !== "success") throw new Error(`seeding transaction ${hash} reverted`);
    receipts.push(r);
  }
  return receipts;
}

/**
 * Registers `models` models and `perModel` attestations each, and verifies a `verifyShare`
 * fraction (0..1) of them. Batches: `modelsPerTx` registrations, `attestationsPerTx` submissions,
 * `verificationsPerTx` verifications per transaction.
 */
export async function seed(
  t: SeedTarget,
  s: Seeder,
  opts: {
    models: number;
    perModel: number;
    salt?: bigint;
    verifyShare?: number;
    modelsPerTx?: number;
    attestationsPerTx?: number;
    verificationsPerTx?: number;
    onProgress?: (m: string) => void;
  },
) {
  const c = compileSeeder();
  const salt = opts.salt ?? 1n;
  const progress = opts.onProgress ?? (() => {});
  const firstModel =
    (await t.client.readContract({ address: t.modelRegistry, abi: modelAbi, functionName: "totalModels" })) +
    1n;
  const mpt = opts.modelsPerTx ?? 250;
  const calls: Array<{ to: Address; data: Hex; gas: bigint }> = [];
  for (let done = 0; done < opts.models; done += mpt) {
    const n = Math.min(mpt, opts.models - done);
    calls.push({
      to: s.owner,
      data: encodeFunctionData({
        abi: c.owner.abi,
        functionName: "registerMany",
        args: [t.modelRegistry, BigInt(n), salt + BigInt(done)],
      }),
      gas: BigInt(n) * 120_000n + 100_000n,
    });
  }
  await sendAll(t, s, calls);
  progress(`registered ${opts.models} models`);
  const apt = opts.attestationsPerTx ?? 200;
  const modelsPerSubmitTx = Math.max(1, Math.floor(apt / opts.perModel));
  calls.length = 0;
  for (let done = 0; done < opts.models; done += modelsPerSubmitTx) {
    const n = Math.min(modelsPerSubmitTx, opts.models - done);
    calls.push({
      to: s.owner,
      data: encodeFunctionData({
        abi: c.owner.abi,
        functionName: "submitMany",
        args: [t.attestationRegistry, firstModel + BigInt(done), BigInt(n), BigInt(opts.perModel), salt],
      }),
      gas: BigInt(n * opts.perModel) * 200_000n + 200_000n,
    });
  }
  const receipts = await sendAll(t, s, calls);
  const ids: Hex[] = [];
  for (const r of receipts) {
    for (const log of r.logs) {
      if (log.address.toLowerCase() === t.attestationRegistry.toLowerCase() && log.topics.length === 4)
        ids.push(log.topics[1] as Hex);
    }
  }
  progress(`submitted ${ids.length} attestations`);
  const share = opts.verifyShare ?? 1;
  const toVerify = ids.filter((_, i) => (i * 7919) % 1000 < share * 1000);
  const vpt = opts.verificationsPerTx ?? 300;
  calls.length = 0;
  for (let i = 0; i < toVerify.length; i += vpt) {
    const batch = toVerify.slice(i, i + vpt);
    calls.push({
      to: s.verifier,
      data: encodeFunctionData({
        abi: c.verifier.abi,
        functionName: "verifyMany",
        args: [t.attestationRegistry, batch],
      }),
      gas: BigInt(batch.length) * 60_000n + 100_000n,
    });
  }
  await sendAll(t, s, calls);
  progress(`verified ${toVerify.length} attestations`);
  void attestationAbi;
  return { firstModel, models: opts.models, attestations: ids.length, verified: toVerify.length };
}

/**
 * A sparse chain: `blocks` blocks holding one attestation each (of `blocks` fresh models, so the
 * periods never overlap). Registers the models in batches, then turns automine off and mines one
 * block per submission. Returns the first and last block of the submissions.
 */
export async function seedSparse(
  t: SeedTarget,
  s: Seeder,
  opts: { blocks: number; salt?: bigint; onProgress?: (m: string) => void },
) {
  const c = compileSeeder();
  const salt = opts.salt ?? 3n;
  const progress = opts.onProgress ?? (() => {});
  const firstModel =
    (await t.client.readContract({ address: t.modelRegistry, abi: modelAbi, functionName: "totalModels" })) +
    1n;
  const register: Array<{ to: Address; data: Hex; gas: bigint }> = [];
  for (let done = 0; done < opts.blocks; done += 1000) {
    const n = Math.min(1000, opts.blocks - done);
    register.push({
      to: s.owner,
      data: encodeFunctionData({
        abi: c.owner.abi,
        functionName: "registerMany",
        args: [t.modelRegistry, BigInt(n), salt + BigInt(done)],
      }),
      gas: BigInt(n) * 120_000n + 100_000n,
    });
  }
  await sendAll(t, s, register);
  progress(`registered ${opts.blocks} models`);
  const rpc = (method: string, params: unknown[] = []) =>
    t.client.request({ method: method as never, params: params as never });
  let nonce = await t.client.getTransactionCount({ address: s.wallet.account.address, blockTag: "pending" });
  const first = (await t.client.getBlockNumber()) + 1n;
  await rpc("evm_setAutomine", [false]);
  try {
    for (let i = 0; i < opts.blocks; i++) {
      await s.wallet.sendTransaction({
        to: s.owner,
        data: encodeFunctionData({
          abi: c.owner.abi,
          functionName: "submitMany",
          args: [t.attestationRegistry, firstModel + BigInt(i), 1n, 1n, salt],
        }),
        gas: 400_000n,
        nonce: nonce++,
      });
      await rpc("evm_mine");
      if ((i + 1) % 2000 === 0) progress(`${i + 1} blocks with one attestation`);
    }
  } finally {
    await rpc("evm_setAutomine", [true]);
  }
  const last = await t.client.getBlockNumber();
  const block = await t.client.getBlock({ blockNumber: last, includeTransactions: false });
  const receipt = await t.client.getTransactionReceipt({ hash: block.transactions[0] as Hex });
  if (receipt.status !== "success") throw new Error("the last sparse submission reverted");
  return { firstBlock: first, lastBlock: last, attestations: opts.blocks };
}
