import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/BarChart";
import { GridGrade } from "@/components/GridGrade";
import { IndexedAt } from "@/components/IndexedAt";
import { IndexerProblem } from "@/components/IndexerProblem";
import { TrustMark } from "@/components/TrustMark";
import { type Comparison, describeIndexerError, getComparison } from "@/lib/indexer/client";
import {
  formatBps,
  formatEmissionsG,
  formatEnergyWh,
  formatIntensity,
  formatMWhPerRequest,
  formatWhPerPflop,
  groupDigits,
} from "@/lib/units";
import { compareHref, compareIds } from "@/lib/web/compareQuery";
import type { SearchParams } from "@/lib/web/leaderboardQuery";

export const metadata: Metadata = {
  title: "Compare models",
  description:
    "Two to four AI models side by side: energy, emissions, grid intensity and who checked the figures.",
};
export const dynamic = "force-dynamic";

type Model = Comparison["models"][number];

const COUNTING_TEXT = {
  final: "Final attestations",
  verified: "Final and Verified attestations",
  "self-reported": "self-reported attestations",
} as const;

/** The rows of the comparison table: one figure per model, each through its lib/units formatter. */
const ROWS: { label: string; value: (m: Model, names: ReadonlyMap<string, string>) => React.ReactNode }[] = [
  {
    label: "Figures from",
    value: (m, names) =>
      m.counting === null ? (
        "nothing attested yet"
      ) : (
        <>
          <span className="block">{COUNTING_TEXT[m.counting]}</span>
          <TrustMark
            counting={m.counting}
            verifiers={m.trust.verifiers.map((v) => v.address)}
            names={names}
            includesUnfinal={m.includesUnfinal}
          />
        </>
      ),
  },
  { label: "Energy", value: (m) => (m.counting ? formatEnergyWh(BigInt(m.energyWh)) : "—") },
  {
    label: "Emissions (location-based + embodied)",
    value: (m) => (m.counting ? formatEmissionsG(BigInt(m.totalG)) : "—"),
  },
  {
    label: "Market-based emissions",
    value: (m) => (m.counting ? formatEmissionsG(BigInt(m.marketEmissionsG)) : "—"),
  },
  {
    label: "Training efficiency",
    value: (m) =>
      m.efficiency?.mWhPerPflop ? formatWhPerPflop(BigInt(m.efficiency.mWhPerPflop)) : "not attested yet",
  },
  {
    label: "Training efficiency rating (among peers of the same task)",
    value: (m) => m.efficiency?.rating ?? "not attested yet",
  },
  {
    label: "Inference efficiency",
    value: (m) =>
      m.efficiency?.mWhPerRequest
        ? formatMWhPerRequest(BigInt(m.efficiency.mWhPerRequest))
        : "not attested yet",
  },
  {
    label: "Inference efficiency rating (among peers of the same task)",
    value: (m) => m.efficiency?.requestRating ?? "not attested yet",
  },
  {
    label: "Grid intensity",
    value: (m) => (m.intensity === null ? "—" : formatIntensity(BigInt(m.intensity))),
  },
  {
    label: "Grid grade (where the electricity came from)",
    value: (m) => <GridGrade grade={m.gridGrade} intensity={m.intensity} />,
  },
  { label: "Renewable share", value: (m) => (m.counting ? formatBps(BigInt(m.renewableBps)) : "—") },
  {
    label: "Measurement",
    value: (m) =>
      m.trust.level === null
        ? "—"
        : `${m.trust.level}${m.attestations > 1 ? ` (weakest of ${m.attestations} attestations)` : ""}`,
  },
  {
    label: "Parameters",
    value: (m) => (m.parameterCount === "0" ? "—" : BigInt(m.parameterCount).toLocaleString("en")),
  },
];

function Explainer() {
  return (
    <p className="text-sm text-neutral-600 dark:text-neutral-400">
      Pick 2 to 4 models on the{" "}
      <Link href="/leaderboard" className="underline">
        leaderboard
      </Link>{" "}
      or the{" "}
      <Link href="/models" className="underline">
        models list
      </Link>{" "}
      and choose “Compare selected”, or open a link such as <code>/compare?ids=1,2,3</code>.
    </p>
  );
}

/** Two to four models side by side, server-rendered (no wallet, no JavaScript); the URL is the state. */
export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ids = compareIds(await searchParams);
  let comparison: Comparison | null = null;
  let problem: string | null = null;
  if (ids.length > 0) {
    try {
      comparison = await getComparison(ids);
    } catch (error) {
      problem = describeIndexerError(error, "The comparison could not be loaded.");
    }
  }
  const models = comparison?.models ?? [];
  // Only models with a training figure get a bar: a missing figure is not a zero.
  const trained = models.filter((m) => m.efficiency?.mWhPerPflop);
  const names = new Map(
    models.flatMap((m) => m.trust.verifiers.flatMap((v) => (v.name ? [[v.address, v.name] as const] : []))),
  );
  const label = (m: Model) => m.name ?? `Model #${m.id}`;
  return (
    <section aria-labelledby="compare-title" className="space-y-6">
      <div className="space-y-1">
        <h1 id="compare-title" className="text-2xl font-semibold">
          Compare models
        </h1>
        {comparison ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Each model with its strongest figures: Final where a verifier has checked them, else Verified,
            else self-reported (marked). Share this comparison:{" "}
            <Link href={compareHref(models.map((m) => m.id))} className="break-all underline">
              {compareHref(models.map((m) => m.id))}
            </Link>
          </p>
        ) : (
          <Explainer />
        )}
      </div>
      {problem ? (
        <>
          <IndexerProblem message={problem} />
          <Explainer />
        </>
      ) : null}
      {comparison ? (
        <>
          <div className="overflow-x-auto">
            <table className="w-full table-fixed text-left text-xs sm:text-sm" data-testid="compare-table">
              <caption className="sr-only">The models side by side</caption>
              <thead className="border-b border-neutral-200 dark:border-neutral-800">
                <tr>
                  <th scope="col" className="w-24 py-2 pr-2 sm:w-56">
                    <span className="sr-only">Figure</span>
                  </th>
                  {models.map((m) => (
                    <th key={m.id} scope="col" className="py-2 pr-2 align-bottom break-words">
                      <Link href={`/models/${m.id}`} className="font-medium hover:underline">
                        {label(m)}
                      </Link>
                      <span className="block font-normal text-neutral-600 dark:text-neutral-400">
                        {[m.organization, m.task].filter(Boolean).join(" · ")}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ROWS.map((row) => (
                  <tr
                    key={row.label}
                    className="border-b border-neutral-100 align-top dark:border-neutral-900"
                  >
                    <th scope="row" className="py-2 pr-2 font-normal text-neutral-600 dark:text-neutral-400">
                      {row.label}
                    </th>
                    {models.map((m) => (
                      <td key={m.id} className="py-2 pr-2 break-words tabular-nums">
                        {row.value(m, names)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <BarChart
              id="compare-energy"
              title="Energy of each model"
              axisLabel="energy (facility, PUE included)"
              series={[{ name: "energy", fill: "fill-sky-600", swatch: "bg-sky-600" }]}
              rows={models.map((m) => ({ key: m.id, label: label(m), values: [BigInt(m.energyWh)] }))}
              format={(wh) => formatEnergyWh(wh)}
            />
            <BarChart
              id="compare-emissions"
              title="Emissions of each model"
              axisLabel="emissions, gCO2e"
              series={[
                { name: "location-based + embodied", fill: "fill-amber-600", swatch: "bg-amber-600" },
                { name: "market-based", fill: "fill-teal-600", swatch: "bg-teal-600" },
              ]}
              rows={models.map((m) => ({
                key: m.id,
                label: label(m),
                values: [BigInt(m.totalG), BigInt(m.marketEmissionsG)],
              }))}
              format={(g) => formatEmissionsG(g)}
            />
            {trained.length > 0 ? (
              <BarChart
                id="compare-efficiency"
                title="Training energy per PFLOP of compute (lower is more efficient)"
                axisLabel="training efficiency, Wh/PFLOP"
                series={[{ name: "Wh/PFLOP", fill: "fill-leaf-700", swatch: "bg-leaf-700" }]}
                rows={trained.map((m) => ({
                  key: m.id,
                  label: label(m),
                  values: [BigInt(m.efficiency?.mWhPerPflop ?? "0")],
                }))}
                format={(mWh) => formatWhPerPflop(mWh)}
                formatTick={(mWh) => formatWhPerPflop(mWh).replace(" Wh/PFLOP", "")}
              />
            ) : null}
            <BarChart
              id="compare-intensity"
              title="Grid intensity of each model's electricity"
              axisLabel="grid intensity, gCO2e/kWh"
              series={[{ name: "grid intensity", fill: "fill-neutral-500", swatch: "bg-neutral-500" }]}
              rows={models.map((m) => ({ key: m.id, label: label(m), values: [BigInt(m.intensity ?? "0")] }))}
              format={(v) => formatIntensity(v)}
              formatTick={(v) => groupDigits(v)}
            />
          </div>
          <IndexedAt sync={comparison.sync} />
        </>
      ) : null}
    </section>
  );
}
