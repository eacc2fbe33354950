import {
  getLeaderboard,
  IndexerError,
  type Leaderboard,
  type LeaderboardParams,
  leaderboardPath,
  urlOf,
} from "../../lib/indexer/client";
import { formatBps, formatEmissionsG, formatEnergyWh, formatLeaf } from "../../lib/units";
import { str } from "../context";
import { CliError, EXIT, table, usageError } from "../output";
import type { Command } from "./types";

const LEADERBOARD_FILTERS = [
  "include",
  "basis",
  "kind",
  "task",
  "size",
  "region",
  "trust",
  "verifier",
  "q",
] as const;

export const leaderboard: Command = {
  name: "leaderboard",
  summary: "the public leaderboard, from the indexer API",
  usage: "[--api URL] [--sort COLUMN] [--order asc|desc] [--page N] [--page-size N] [filters]",
  help: [
    "--sort COLUMN --order asc|desc --page N --page-size N   passed to GET /leaderboard",
    "--include final|verified|self-reported   --basis location|market   --kind K  --task T",
    "--size S  --region R  --trust METHOD  --verifier ADDRESS  --q TEXT   filters, passed as query parameters",
  ],
  options: {
    sort: { type: "string" },
    order: { type: "string" },
    page: { type: "string" },
    "page-size": { type: "string" },
    ...Object.fromEntries(LEADERBOARD_FILTERS.map((f) => [f, { type: "string" as const }])),
  },
  async run(ctx) {
    const v = ctx.values;
    const base = ctx.settings.apiUrl.value as string;
    try {
      new URL(base);
    } catch {
      throw usageError(`--api must be a URL, got "${base}".`);
    }
    const flags: [string, string][] = [
      ["sort", "sort"],
      ["order", "order"],
      ["page", "page"],
      ["page-size", "pageSize"],
      ...LEADERBOARD_FILTERS.map((f): [string, string] => [f, f]),
    ];
    // Passed as given: the API checks every value and answers 400 with a sentence naming it.
    const params = Object.fromEntries(
      flags.flatMap(([flag, param]) => {
        const x = str(v, flag);
        return x === undefined ? [] : [[param, x]];
      }),
    ) as LeaderboardParams;
    const options = { apiUrl: base };
    ctx.out.progress(`GET ${urlOf(leaderboardPath(params), options)}`);
    let body: Leaderboard;
    try {
      body = await getLeaderboard(params, options);
    } catch (error) {
      if (!(error instanceof IndexerError)) throw error;
      if (error.status === 0)
        throw new CliError(
          `The leaderboard API at ${base} is unreachable (set by ${ctx.settings.apiUrl.source}). Start the app and indexer (npm run dev) or pass --api URL.`,
          EXIT.NETWORK,
        );
      // The API's own sentence when it gave one (http_error, not_json: it did not).
      const detail = error.code === "http_error" || error.code === "not_json" ? "" : `: ${error.message}`;
      throw new CliError(
        `The leaderboard API answered HTTP ${error.status}${detail}.`,
        error.status === 400 ? EXIT.USAGE : EXIT.NETWORK,
      );
    }
    const rows = body.rows;
    if (ctx.out.json) {
      ctx.out.result(body, "");
      return;
    }
    if (rows.length === 0) {
      ctx.out.result(body, "The leaderboard is empty (no Final attestations yet).");
      return;
    }
    const num = (s: string, f: (n: bigint) => string) => (/^\d+$/.test(s) ? f(BigInt(s)) : s);
    const headers = ["#", "model", "energy", "total", "intensity", "grade", "renewable", "LEAF", "trust"];
    const out = rows.map((r) => [
      String(r.rank),
      (r.name || `model ${r.id}`).slice(0, 40),
      num(r.energyWh, (n) => formatEnergyWh(n)),
      num(r.totalG, (n) => formatEmissionsG(n)),
      r.intensity,
      r.grade ?? "",
      num(r.renewableBps, (n) => formatBps(n)),
      num(r.leafEarnedWei, (n) => formatLeaf(n).replace(" LEAF", "")),
      r.trust.level,
    ]);
    ctx.out.result(body, [table(headers, out), `${rows.length} of ${body.total} models`]);
  },
};
