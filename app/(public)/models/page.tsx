import type { Metadata } from "next";
import Link from "next/link";
import { CompareForm } from "@/components/CompareForm";
import { GridGrade } from "@/components/GridGrade";
import { IndexedAt } from "@/components/IndexedAt";
import { IndexerProblem } from "@/components/IndexerProblem";
import { Pagination } from "@/components/Pagination";
import { TrustMark } from "@/components/TrustMark";
import { describeIndexerError, listModels, type ModelList } from "@/lib/indexer/client";
import { formatEmissionsG, formatEnergyWh } from "@/lib/units";
import { shortAddress } from "@/lib/web/format";
import { firstParam, type SearchParams } from "@/lib/web/leaderboardQuery";
import { verifierNames } from "@/lib/web/verifierNames";

export const metadata: Metadata = { title: "Models" };
// Reads the indexer on every request: never prerendered at build time.
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** Every registered model, newest first, a page at a time from the indexer (never the chain's logs). */
export default async function ModelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const q = firstParam(raw, "q")?.trim() || undefined;
  const page = firstParam(raw, "page");
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  let list: ModelList | null = null;
  let problem: string | null = null;
  const namesLoading = verifierNames();
  try {
    list = await listModels({ q, pageSize: PAGE_SIZE, page });
  } catch (error) {
    problem = describeIndexerError(error, "The models could not be loaded.");
  }
  const names = await namesLoading;
  return (
    <section aria-labelledby="models-title" className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id="models-title" className="text-2xl font-semibold">
            Registered models
          </h1>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Every model on chain, newest first, with its energy and emissions: Final figures where a verifier
            has checked them, else Verified ones in their challenge window, else self-reported ones, always
            marked.
          </p>
        </div>
        <Link
          href="/models/new"
          prefetch={false}
          className="rounded-md bg-leaf-700 px-3 py-2 text-sm font-medium text-white hover:bg-leaf-800"
        >
          Register a model
        </Link>
      </div>
      <search>
        <form method="get" action="/models" className="flex flex-wrap items-end gap-2">
          <label htmlFor="models-q" className="text-sm font-medium">
            Search by name or organization
          </label>
          <input
            id="models-q"
            name="q"
            defaultValue={q}
            className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-900"
          />
          <button
            type="submit"
            className="rounded-md border border-neutral-300 px-3 py-1.5 text-sm dark:border-neutral-700"
          >
            Search
          </button>
        </form>
      </search>
      {problem ? <IndexerProblem message={problem} /> : null}
      {list && list.models.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 p-8 text-center dark:border-neutral-700">
          {q ? `No model matches "${q}".` : "No models registered yet."}
        </p>
      ) : null}
      {list && list.models.length > 0 ? (
        <>
          <CompareForm id="compare-models" />
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-xs sm:text-sm" data-testid="models-table">
              <thead className="border-b border-neutral-200 text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
                <tr>
                  <th scope="col" className="py-2 pr-2">
                    <span className="sr-only">Compare</span>
                  </th>
                  <th scope="col" className="hidden py-2 pr-4 md:table-cell">
                    #
                  </th>
                  <th scope="col" className="py-2 pr-2 sm:pr-4">
                    Model
                  </th>
                  <th scope="col" className="hidden py-2 pr-4 lg:table-cell">
                    Organization
                  </th>
                  <th scope="col" className="hidden py-2 pr-4 lg:table-cell">
                    Task
                  </th>
                  <th scope="col" className="hidden py-2 pr-4 text-right md:table-cell">
                    Parameters
                  </th>
                  <th scope="col" className="hidden py-2 pr-4 text-right sm:table-cell">
                    Energy
                  </th>
                  <th scope="col" className="py-2 pr-2 text-right sm:pr-4">
                    CO2e
                  </th>
                  <th scope="col" className="py-2 pr-2 sm:pr-4">
                    Grid grade
                  </th>
                  <th scope="col" className="hidden py-2 pr-4 xl:table-cell">
                    Registered by
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.models.map((model) => (
                  <tr
                    key={model.id}
                    className="border-b border-neutral-100 align-top dark:border-neutral-900"
                  >
                    <td className="py-2 pr-2">
                      <input
                        type="checkbox"
                        name="ids"
                        value={model.id}
                        form="compare-models"
                        aria-label={`Compare ${model.name ?? `model #${model.id}`}`}
                        className="h-4 w-4"
                      />
                    </td>
                    <td className="hidden py-2 pr-4 tabular-nums md:table-cell">{model.id}</td>
                    <td className="py-2 pr-2 font-medium break-words sm:pr-4">
                      <Link href={`/models/${model.id}`} className="hover:underline">
                        {model.name ?? <span title={model.metadataURI}>Unnamed (metadata unavailable)</span>}
                      </Link>
                      {model.label ? (
                        <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                          {model.label}
                        </span>
                      ) : null}
                      <span className="block font-normal">
                        <TrustMark
                          counting={model.figures.counting}
                          verifiers={model.figures.trust.verifiers}
                          names={names}
                          includesUnfinal={model.figures.includesUnfinal}
                        />
                      </span>
                    </td>
                    <td className="hidden py-2 pr-4 lg:table-cell">{model.organization ?? "—"}</td>
                    <td className="hidden py-2 pr-4 lg:table-cell">{model.task ?? "—"}</td>
                    <td className="hidden py-2 pr-4 text-right tabular-nums md:table-cell">
                      {BigInt(model.parameterCount) > 0n ? compact.format(BigInt(model.parameterCount)) : "—"}
                    </td>
                    <td className="hidden py-2 pr-4 text-right tabular-nums sm:table-cell">
                      {model.figures.counting ? formatEnergyWh(BigInt(model.figures.energyWh)) : "—"}
                    </td>
                    <td className="py-2 pr-2 text-right tabular-nums sm:pr-4">
                      {model.figures.counting ? formatEmissionsG(BigInt(model.figures.totalG)) : "—"}
                    </td>
                    <td className="py-2 pr-2 sm:pr-4">
                      <GridGrade grade={model.figures.gridGrade} intensity={model.figures.intensity} />
                    </td>
                    <td className="hidden py-2 pr-4 font-mono xl:table-cell" title={model.registrant}>
                      {shortAddress(model.registrant)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            basePath="/models"
            params={params}
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
          />
        </>
      ) : null}
      {list ? <IndexedAt sync={list.sync} /> : null}
    </section>
  );
}
