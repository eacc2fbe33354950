import { formatBps, formatEmissionsG, formatEnergyWh, formatLeaf } from "../../lib/units";
import { str } from "../context";
import { CliError, EXIT, table, usageError } from "../output";
import type { Command } from "./types";

interface LeaderboardRow {
  [key: string]: unknown;
}

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
    let url: URL;
    try {
      url = new URL(`${base}/leaderboard`);
    } catch {
      throw usageError(`--api must be a URL, got "${base}".`);
    }
    const params: [string, string][] = [
      ["sort", "sort"],
      ["order", "order"],
      ["page", "page"],
      ["page-size", "pageSize"],
      ...LEADERBOARD_FILTERS.map((f): [string, string] => [f, f]),
    ];
    for (const [flag, param] of params) {
      const x = str(v, flag);
      if (x !== undefined) url.searchParams.set(param, x);
    }
    ctx.out.progress(`GET ${url}`);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    } catch {
      throw new CliError(
        `The leaderboard API at ${base} is unreachable (set by ${ctx.settings.apiUrl.source}). Start the app and indexer (npm run dev) or pass --api URL.`,
        EXIT.NETWORK,
      );
    }
    type Body = { rows?: LeaderboardRow[]; total?: number; error?: unknown };
    const body = (await response.json().catch(() => null)) as Body | LeaderboardRow[] | null;
    if (!response.ok || body === null) {
      const e = body && !Array.isArray(body) ? body.error : undefined;
      const detail =
        typeof e === "string"
          ? e
          : e && typeof e === "object"
            ? String((e as { message?: unknown }).message ?? JSON.stringify(e))
            : "";
      throw new CliError(
        `The leaderboard API answered HTTP ${response.status}${detail ? `: ${detail}` : ""}.`,
        response.status === 400 ? EXIT.USAGE : EXIT.NETWORK,
      );
    }
    const rows = Array.isArray(body) ? body : (body.rows ?? []);
    if (ctx.out.json) {
      ctx.out.result(body, "");
      return;
    }
    if (rows.length === 0) {
      ctx.out.result(body, "The leaderboard is empty (no Final attestations yet).");
      return;
    }
    const field = (r: LeaderboardRow, key: string): string => {
      const x = r[key];
      if (x === undefined || x === null) return "";
      if (typeof x === "object") return String((x as { level?: unknown }).level ?? "");
      return String(x);
    };
    const num = (s: string, f: (n: bigint) => string) => (/^\d+$/.test(s) ? f(BigInt(s)) : s);
    const headers = ["#", "model", "energy", "total", "intensity", "grade", "renewable", "LEAF", "trust"];
    const out = rows.map((r, i) => [
      field(r, "rank") || String(i + 1),
      (field(r, "name") || `model ${field(r, "id") || field(r, "modelId")}`).slice(0, 40),
      num(field(r, "energyWh"), (n) => formatEnergyWh(n)),
      num(field(r, "totalG"), (n) => formatEmissionsG(n)),
      field(r, "intensity"),
      field(r, "grade"),
      num(field(r, "renewableBps"), (n) => formatBps(n)),
      num(field(r, "leafEarnedWei"), (n) => formatLeaf(n).replace(" LEAF", "")),
      field(r, "trust"),
    ]);
    const total = Array.isArray(body) ? undefined : body.total;
    ctx.out.result(body, [
      table(headers, out),
      ...(total !== undefined ? [`${rows.length} of ${total} models`] : []),
    ]);
  },
};
