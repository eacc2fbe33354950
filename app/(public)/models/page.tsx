import type { Metadata } from "next";
import Link from "next/link";
import { listModels } from "@/lib/server/models";
import { shortAddress } from "@/lib/web/format";

export const metadata: Metadata = { title: "Models" };
// Reads the chain on every request: never prerendered at build time.
export const dynamic = "force-dynamic";

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

export default async function ModelsPage() {
  const models = await listModels();
  return (
    <section aria-labelledby="models-title">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id="models-title" className="text-2xl font-semibold">
            Registered models
          </h1>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            {models.length} {models.length === 1 ? "model" : "models"} on chain, newest first.
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
      {models.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 p-8 text-center dark:border-neutral-700">
          No models registered yet.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="models-table">
            <thead className="border-b border-neutral-200 text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  #
                </th>
                <th scope="col" className="py-2 pr-4">
                  Model
                </th>
                <th scope="col" className="py-2 pr-4">
                  Organization
                </th>
                <th scope="col" className="py-2 pr-4">
                  Task
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Parameters
                </th>
                <th scope="col" className="py-2 pr-4">
                  Registered by
                </th>
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
                <tr key={model.id.toString()} className="border-b border-neutral-100 dark:border-neutral-900">
                  <td className="py-2 pr-4 tabular-nums">{model.id.toString()}</td>
                  <td className="py-2 pr-4 font-medium">
                    {model.metadata?.name ?? (
                      <span title={model.metadataURI}>Unnamed (metadata unavailable)</span>
                    )}
                    {model.metadata?.label === "self-reported from publications" ? (
                      <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                        self-reported from publications
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">{model.metadata?.organization ?? "—"}</td>
                  <td className="py-2 pr-4">{model.metadata?.task ?? "—"}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">
                    {model.parameterCount > 0n ? compact.format(model.parameterCount) : "—"}
                  </td>
                  <td className="py-2 pr-4 font-mono" title={model.registrant}>
                    {shortAddress(model.registrant)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
