// Sparse chain: blocks of one attestation each, and the time to a full index (Greenprint; the bare app too
// when asked).
import path from "node:path";
import { performance } from "node:perf_hooks";
import { getJson } from "../test/indexer/helpers";
import { indexOnce, type Run, stopIndexer } from "./indexing";
import { seedSparse } from "./seeder";
import { newChain } from "./setup";
import { log } from "./timing";

/** Seeds a new chain of `blocks` blocks and indexes it; returns the figures and the chain (to stop at the end). */
export async function measureSparse(opts: {
  dir: string;
  blocks: number;
  databaseUrl: (app: Run["app"]) => string;
  withBare: boolean;
}) {
  const { dir } = opts;
  const sparse = await newChain(path.join(dir, "sparse"));
  const s0 = performance.now();
  const sparseSeeded = await seedSparse(sparse.target, sparse.seeder, {
    blocks: opts.blocks,
    onProgress: log,
  });
  await sparse.chain.client.request({ method: "anvil_mine" as never, params: ["0x28"] as never });
  const sparseHead = await sparse.chain.client.getBlockNumber();
  log(
    `sparse chain: ${opts.blocks} blocks with one attestation in ${((performance.now() - s0) / 1000).toFixed(1)} s, head ${sparseHead}`,
  );
  const sparseRuns: Run[] = [];
  // The bare app too when asked (at 300 blocks both took the same 16.0 s: fetching blocks).
  const sparseApps = opts.withBare ? (["bare", "greenprint"] as const) : (["greenprint"] as const);
  for (const app of sparseApps) {
    const { run, indexer: sparseIndexer } = await indexOnce({
      app,
      sync: "cold",
      chain: sparse.chain,
      deployed: sparse.deployed,
      databaseUrl: opts.databaseUrl(app),
      dir,
      head: sparseHead,
      label: "sparse",
    });
    sparseRuns.push(run);
    if (app === "greenprint") {
      const st = (await getJson<{ stats: { attestations: number } }>(`${sparseIndexer.url}/api/v1/stats`))
        .body.stats;
      if (st.attestations !== sparseSeeded.attestations)
        throw new Error(`sparse: ${st.attestations} attestations indexed, ${sparseSeeded.attestations} sent`);
    }
    await stopIndexer(sparseIndexer);
  }
  return { chain: sparse.chain, result: { blocks: opts.blocks, head: Number(sparseHead), runs: sparseRuns } };
}
