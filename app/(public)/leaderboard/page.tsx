import type { Metadata } from "next";
import Link from "next/link";
import { GradeBadge } from "@/components/GradeBadge";
import { IndexedAt } from "@/components/IndexedAt";
import { IndexerProblem } from "@/components/IndexerProblem";
import { LeaderboardFilters } from "@/components/leaderboard/LeaderboardFilters";
import { Pagination } from "@/components/Pagination";
import {
  describeIndexerError,
  getLeaderboard,
  type Leaderboard,
  type LeaderboardParams,
} from "@/lib/indexer/client";
import { formatBps, formatEmissionsG, formatEnergyWh, formatLeaf } from "@/lib/units";
import { leaderboardParams, type SearchParams, sortLink } from "@/lib/web/leaderboardQuery";

export const metadata: Metadata = {
  title: "Leaderboard",
  description: "AI models ranked by the verified carbon intensity of their training and inference.",
};
export const dynamic = "force-dynamic";

/** Columns of SPEC section 9, with the order a first click sorts by. */
const COLUMNS: { key: string; label: string; order: "asc" | "desc"; numeric?: boolean }[] = [
  { key: "name", label: "Model", order: "asc" },
  { key: "grade", label: "Grade", order: "asc" },
  { key: "intensity", label: "g/kWh", order: "asc", numeric: true },
  { key: "energyWh", label: "Energy", order: "desc", numeric: true },
  { key: "emissionsG", label: "Emissions", order: "asc", numeric: true },
  { key: "locationEmissionsG", label: "Location", order: "desc", numeric: true },
  { key: "marketEmissionsG", label: "Market", order: "desc", numeric: true },
  { key: "embodiedG", label: "Embodied", order: "desc", numeric: true },
  { key: "renewableBps", label: "Renewable", order: "desc", numeric: true },
  { key: "gPerBillionParams", label: "g / B params", order: "asc", numeric: true },
  { key: "certificates", label: "Certificates", order: "desc", numeric: true },
  { key: "leafEarnedWei", label: "LEAF", order: "desc", numeric: true },
  { key: "trust", label: "Trust", order: "asc" },
];

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = leaderboardParams(await searchParams);
  let board: Leaderboard | null = null;
  let problem: string | null = null;
  try {
    // The URL's values go to the API as typed; it validates them and names any bad one (HTTP 400).
    board = await getLeaderboard(Object.fromEntries(params) as LeaderboardParams);
  } catch (error) {
    problem = describeIndexerError(error, "The leaderboard could not be loaded.");
  }
  const sort = params.get("sort") ?? "intensity";
  const apiQuery = params.toString();
  const basis = params.get("basis") === "market" ? "market-based" : "location-based";
  return (
    <section aria-labelledby="leaderboard-title" className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="leaderboard-title" className="text-2xl font-semibold">
            Leaderboard
          </h1>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Verified footprints only:{" "}
            {params.get("include") === "verified" ? "Final and Verified (marked †)" : "Final"} attestations,{" "}
            {basis} emissions plus embodied. Grades by location-based intensity: A ≤ 50, B ≤ 150, C ≤ 300, D ≤
            500, E &gt; 500 gCO2e/kWh.
          </p>
        </div>
        <div className="flex gap-3 text-sm">
          <a className="underline" href={`/api/v1/leaderboard.csv${apiQuery ? `?${apiQuery}` : ""}`} download>
            Download CSV
          </a>
          <a className="underline" href={`/api/v1/leaderboard${apiQuery ? `?${apiQuery}` : ""}`}>
            JSON
          </a>
        </div>
      </div>
      <LeaderboardFilters params={params} />
      {problem ? (
        <IndexerProblem message={problem} />
      ) : board && board.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 p-8 text-center text-sm dark:border-neutral-700">
          No model has a {params.get("include") === "verified" ? "verified" : "final"} footprint matching
          these filters yet. Self-reported figures appear on the{" "}
          <Link href="/models" className="underline">
            models page
          </Link>{" "}
          until a verifier verifies them.
        </p>
      ) : board ? (
        <>
          <div className="relative overflow-x-auto">
            <table className="w-full min-w-[900px] text-left text-sm" data-testid="leaderboard-table">
              <thead className="border-b border-neutral-200 text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    #
                  </th>
                  {COLUMNS.map((c) => (
                    <th
                      key={c.key}
                      scope="col"
                      className={`py-2 pr-3 ${c.numeric ? "text-right" : ""}`}
                      aria-sort={
                        sort === c.key
                          ? params.get("order") === "desc"
                            ? "descending"
                            : "ascending"
                          : undefined
                      }
                    >
                      <Link
                        href={`/leaderboard${sortLink(params, c.key, c.order)}`}
                        className="hover:underline"
                      >
                        {c.label}
                        {sort === c.key ? (params.get("order") === "desc" ? " ↓" : " ↑") : ""}
                      </Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {board.rows.map((r) => (
                  <tr key={r.id} className="border-b border-neutral-100 dark:border-neutral-900">
                    <td className="py-2 pr-3 tabular-nums">{r.rank}</td>
                    <td className="py-2 pr-3">
                      <Link href={`/models/${r.id}`} className="font-medium hover:underline">
                        {r.name ?? `Model #${r.id}`}
                      </Link>
                      {r.includesUnfinal ? (
                        <span title="includes Verified attestations still in their challenge window"> †</span>
                      ) : null}
                      <span className="block text-xs text-neutral-600 dark:text-neutral-400">
                        {[r.organization, r.task].filter(Boolean).join(" · ")}
                      </span>
                    </td>
                    <td className="py-2 pr-3">
                      <GradeBadge grade={r.grade} />
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{r.intensity}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {formatEnergyWh(BigInt(r.energyWh))}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {formatEmissionsG(BigInt(r.emissionsG))}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {formatEmissionsG(BigInt(r.locationEmissionsG))}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {formatEmissionsG(BigInt(r.marketEmissionsG))}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {formatEmissionsG(BigInt(r.embodiedG))}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatBps(BigInt(r.renewableBps))}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {r.gPerBillionParams === null ? "—" : formatEmissionsG(BigInt(r.gPerBillionParams))}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {r.certificates.recWh === "0" && r.certificates.creditsG === "0"
                        ? "—"
                        : `${formatEnergyWh(BigInt(r.certificates.recWh))} REC · ${formatEmissionsG(BigInt(r.certificates.creditsG))} credits`}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {formatLeaf(BigInt(r.leafEarnedWei))}
                    </td>
                    <td className="py-2 pr-3 text-xs">
                      <span className="font-medium">{r.trust.level}</span>
                      {r.trust.verifiers.length > 0 ? (
                        <span className="block font-mono" title={r.trust.verifiers.join(", ")}>
                          by {r.trust.verifiers.map((v) => `${v.slice(0, 6)}…`).join(", ")}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            basePath="/leaderboard"
            params={params}
            page={board.page}
            pageSize={board.pageSize}
            total={board.total}
          />
        </>
      ) : null}
      {board ? <IndexedAt sync={board.sync} /> : null}
    </section>
  );
}
