// Web benchmark (not a timed test): first-load JS and Lighthouse scores of the public pages,
// on the real production stack with the demo data verified and Final.
//   npm run bench:web        prints a table; results also in bench/results/web.json
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { chromium } from "playwright-core";
import { createPublicClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { stopAll, stopChildrenOnExit } from "../script/lib/processes";
import { startStack } from "../script/lib/stack";
import { CHROMIUM } from "../test/e2e/browser";

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** Seeds the demo data, has the demo verifier verify all of it, and lets the window pass. */
async function demoWithFinalFootprints(ctx: { rpcUrl: string; evidenceDir: string; appUrl: string }) {
  const { seedDemoData, DEMO_VERIFIER_KEY } = await import("../script/seed");
  const { createGreenprintClient } = await import("../lib/client");
  const { Status } = await import("../lib/spec");
  const { readFileSync } = await import("node:fs");
  await seedDemoData({ rpcUrl: ctx.rpcUrl, appUrl: ctx.appUrl, evidenceDir: ctx.evidenceDir });
  const publicClient = createPublicClient({ chain: anvil, transport: http(ctx.rpcUrl) });
  const verifier = createGreenprintClient({
    publicClient,
    walletClient: createWalletClient({
      account: privateKeyToAccount(DEMO_VERIFIER_KEY),
      chain: anvil,
      transport: http(ctx.rpcUrl),
    }),
    deployment: JSON.parse(readFileSync("deployments/31337.json", "utf8")),
  });
  for (const a of await verifier.listSubmittedAttestations()) {
    if ((await verifier.effectiveStatus(a.id)) === Status.SUBMITTED) await verifier.verify({ id: a.id });
  }
  await publicClient.request({ method: "evm_increaseTime" as never, params: [61] as never });
  await publicClient.request({ method: "evm_mine" as never, params: [] as never });
}

/** Bytes of JavaScript a first visit downloads, gzip-compressed as the server sends it. */
async function firstLoadJs(url: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.slice(1) });
  const page = await browser.newPage();
  const sizes: Promise<number>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") {
      sizes.push(
        response.body().then(
          (body) => gzipSync(body).byteLength,
          () => 0,
        ),
      );
    }
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await browser.close();
  return total;
}

/** Lighthouse with its desktop preset, or its default mobile one (simulated slow 4G and CPU). */
async function lighthouseScores(url: string, port: number, preset: "desktop" | "mobile") {
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] },
    preset === "desktop" ? desktopConfig : undefined,
  );
  const categories = result?.lhr.categories;
  return {
    performance: Math.round((categories?.performance?.score ?? 0) * 100),
    accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
  };
}

async function main() {
  stopChildrenOnExit();
  const stack = await startStack({
    anvilPort: 8547,
    appPort: 3200,
    indexerPort: 42269,
    distDir: ".next-bench",
    logDir: "bench/results",
    beforeServe: demoWithFinalFootprints,
    log: (m) => console.log(`[bench] ${m}`),
  });
  // Let the indexer catch up with the seeded chain before measuring.
  for (let i = 0; i < 120; i++) {
    const board = (await (await fetch(`${stack.indexerUrl}/api/v1/leaderboard`)).json()) as {
      total?: number;
    };
    if ((board.total ?? 0) >= 17) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const pages = ["/", "/leaderboard", "/models/6"];
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  const rows: {
    page: string;
    firstLoadJsKb: number;
    desktop: { performance: number; accessibility: number };
    mobile: { performance: number; accessibility: number };
  }[] = [];
  try {
    for (const path of pages) {
      const url = `${stack.appUrl}${path}`;
      await fetch(url); // warm the server's caches, as a deployed app would be
      const js = await firstLoadJs(url);
      const desktop = await lighthouseScores(url, chrome.port, "desktop");
      const mobile = await lighthouseScores(url, chrome.port, "mobile");
      rows.push({ page: path, firstLoadJsKb: Math.round(js / 102.4) / 10, desktop, mobile });
    }
  } finally {
    await chrome.kill();
    await stopAll();
  }
  console.log(
    "\n| page | first-load JS (gzip) | performance desktop / mobile | accessibility desktop / mobile |",
  );
  console.log("|---|---|---|---|");
  for (const r of rows) {
    const { desktop, mobile } = r;
    console.log(
      `| ${r.page} | ${r.firstLoadJsKb} kB | ${desktop.performance} / ${mobile.performance} | ${desktop.accessibility} / ${mobile.accessibility} |`,
    );
  }
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(
    "bench/results/web.json",
    `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`,
  );
  process.exit(0);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  await stopAll();
  process.exit(1);
});
