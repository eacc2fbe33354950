import type { Metadata } from "next";
import Link from "next/link";
import { CompareForm } from "@/components/CompareForm";
import { BarChart } from "@/components/charts/BarChart";
import { IndexedAt } from "@/components/IndexedAt";
import { IndexerProblem } from "@/components/IndexerProblem";
import { LeaderboardFilters } from "@/components/leaderboard/LeaderboardFilters";
import { LeaderboardTable } from "@/components/leaderboard/LeaderboardTable";
import { Pagination } from "@/components/Pagination";
import {
  type Counting,
  describeIndexerError,
  getLeaderboard,
  type Leaderboard,
  type LeaderboardParams,
} from "@/lib/indexer/client";
import { formatEmissionsG } from "@/lib/units";
import { leaderboardParams, type SearchParams, withParams } from "@/lib/web/leaderboardQuery";
import { verifierNames } from "@/lib/web/verifierNames";

export const metadata: Metadata = {
  title: "Leaderboard",
  description:
    "AI models ranked by their verified training and inference footprint, with self-reported figures listed apart.",
};
export const dynamic = "force-dynamic";

/** Self-reported rows shown under the verified ranking; the rest are one link away. */
const SELF_REPORTED_PREVIEW = 50;
/** Rows of the chart: the top of the table it sits under. */
const CHART_ROWS = 10;

async function load(params: URLSearchParams): Promise<Leaderboard | { problem: string }> {
  try {
    // The URL's values go to the API as typed; it validates them and names any bad one (HTTP 400).
    return await getLeaderboard(Object.fromEntries(params) as LeaderboardParams);
  } catch (error) {
    return { problem: describeIndexerError(error, "The leaderboard could not be loaded.") };
  }
}

function EmissionsChart({ board, id, title }: { board: Leaderboard; id: string; title: string }) {
  const rows = board.rows.slice(0, CHART_ROWS);
  return (
    <BarChart
      id={id}
      title={title}
      axisLabel={`emissions, gCO2e (${rows[0]?.basis === "market" ? "market" : "location"}-based + embodied)`}
      series={[{ name: "emissions", fill: "fill-amber-600", swatch: "bg-amber-600" }]}
      rows={rows.map((r) => ({
        key: r.id,
        label: r.name ?? `Model #${r.id}`,
        values: [BigInt(r.emissionsG)],
      }))}
      format={(g) => formatEmissionsG(g)}
    />
  );
}

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = leaderboardParams(await searchParams);
  const counting = (params.get("include") ?? "final") as Counting;
  const selfOnly = counting === "self-reported";
  // The self-reported table under the verified ranking: same filters and sort, its own ranks.
  const selfParams = withParams(params, {
    include: "self-reported",
    pageSize: String(SELF_REPORTED_PREVIEW),
  });
  const [board, selfBoard, names] = await Promise.all([
    load(params),
    selfOnly ? Promise.resolve(null) : load(new URLSearchParams(selfParams)),
    verifierNames(),
  ]);
  const apiQuery = params.toString();
  const basis = params.get("basis") === "market" ? "market-based" : "location-based";
  const verifiedLink = withParams(params, { include: undefined });
  const selfLink = withParams(params, { include: "self-reported" });
  const sync = "sync" in board ? board.sync : selfBoard && "sync" in selfBoard ? selfBoard.sync : null;
  return (
    <section aria-labelledby="leaderboard-title" className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 id="leaderboard-title" className="text-2xl font-semibold">
            Leaderboard
          </h1>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Verified footprints are ranked on their own; self-reported ones (submitted, not yet checked by a
            verifier) are listed apart and never mixed in. Emissions are {basis} plus embodied. The grid grade
            says where the electricity came from (A ≤ 50, B ≤ 150, C ≤ 300, D ≤ 500, E &gt; 500 gCO2e/kWh),
            not how efficiently the model used it.
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
      <CompareForm id="compare-leaderboard" note="Tick 2 to 4 models in either table." />

      {selfOnly ? null : (
        <section aria-labelledby="verified-title" className="space-y-3">
          <h2 id="verified-title" className="text-xl font-semibold">
            Verified ranking{" "}
            <span className="text-sm font-normal text-neutral-600 dark:text-neutral-400">
              {counting === "verified"
                ? "Final and Verified attestations (Verified ones still in their challenge window are marked)"
                : "Final attestations"}
            </span>
          </h2>
          {"problem" in board ? (
            <IndexerProblem message={board.problem} />
          ) : board.rows.length === 0 ? (
            <p className="rounded-md border border-dashed border-neutral-300 p-6 text-center text-sm dark:border-neutral-700">
              No model has a {counting === "verified" ? "verified" : "final"} footprint matching these filters
              yet. Self-reported figures are listed below until a verifier checks them.
            </p>
          ) : (
            <>
              <LeaderboardTable
                caption="Verified ranking"
                rows={board.rows}
                params={params}
                verifierNames={names}
                compareForm="compare-leaderboard"
                testId="leaderboard-table"
              />
              <Pagination
                basePath="/leaderboard"
                params={params}
                page={board.page}
                pageSize={board.pageSize}
                total={board.total}
              />
              <EmissionsChart
                board={board}
                id="verified-emissions"
                title="Emissions of the top verified models"
              />
            </>
          )}
        </section>
      )}

      <section aria-labelledby="self-title" className="space-y-3">
        <h2 id="self-title" className="text-xl font-semibold">
          Self-reported, not verified{" "}
          <span className="text-sm font-normal text-neutral-600 dark:text-neutral-400">
            figures as their publishers submitted them, ranked apart
          </span>
        </h2>
        {(() => {
          const self = selfOnly ? board : selfBoard;
          if (!self) return null;
          if ("problem" in self) return <IndexerProblem message={self.problem} />;
          if (self.rows.length === 0)
            return (
              <p className="text-sm text-neutral-600 dark:text-neutral-400">
                No self-reported footprint matches these filters.
              </p>
            );
          return (
            <>
              <LeaderboardTable
                caption="Self-reported figures, not verified"
                rows={self.rows}
                params={selfOnly ? params : new URLSearchParams(selfParams)}
                verifierNames={names}
                compareForm="compare-leaderboard"
                testId="self-reported-table"
              />
              {selfOnly ? (
                <Pagination
                  basePath="/leaderboard"
                  params={params}
                  page={self.page}
                  pageSize={self.pageSize}
                  total={self.total}
                />
              ) : self.total > self.rows.length ? (
                <p className="text-sm">
                  <Link href={`/leaderboard${selfLink}`} className="underline">
                    All {self.total} self-reported footprints
                  </Link>
                </p>
              ) : null}
              {selfOnly || "problem" in board || board.rows.length === 0 ? (
                <EmissionsChart
                  board={self}
                  id="self-emissions"
                  title="Emissions of the top self-reported models"
                />
              ) : null}
            </>
          );
        })()}
        {selfOnly ? (
          <p className="text-sm">
            <Link href={`/leaderboard${verifiedLink}`} className="underline">
              Back to the verified ranking
            </Link>
          </p>
        ) : null}
      </section>
      {sync ? <IndexedAt sync={sync} /> : null}
    </section>
  );
}
