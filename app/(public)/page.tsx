import Link from "next/link";
import { ActivityFeed } from "@/components/ActivityFeed";
import { GreenestList } from "@/components/home/GreenestList";
import { IndexerProblem } from "@/components/IndexerProblem";
import {
  type Activity,
  describeIndexerError,
  getActivity,
  getLeaderboard,
  getStats,
  type Leaderboard,
  type Stats,
} from "@/lib/indexer/client";
import { formatEmissionsG, formatLeaf } from "@/lib/units";
import { verifierNames } from "@/lib/web/verifierNames";

export const dynamic = "force-dynamic";

/** Rows of the greenest list. */
const GREENEST = 5;

async function load(): Promise<{
  stats: Stats | null;
  greenest: Leaderboard | null;
  selfReported: Leaderboard | null;
  names: Map<string, string>;
  recent: Activity | null;
  /** Why the indexer could not answer, when it could not: each section says so instead of "nothing yet". */
  problem: string | null;
}> {
  // Verified figures first (Final and Verified, ranked together and marked); self-reported ones
  // only fill the list, listed apart. Ranked by the efficiency rating among peers (SPEC 9, v1.1:
  // never by grid grade alone); models without a rating follow. The grade shown is the grid's.
  const [stats, greenest, selfReported, recent, names] = await Promise.allSettled([
    getStats(),
    getLeaderboard({ include: "verified", sort: "efficiency", order: "asc", pageSize: GREENEST }),
    getLeaderboard({ include: "self-reported", sort: "efficiency", order: "asc", pageSize: GREENEST }),
    getActivity({ limit: 8 }),
    verifierNames(),
  ]);
  return {
    stats: stats.status === "fulfilled" ? stats.value : null,
    greenest: greenest.status === "fulfilled" ? greenest.value : null,
    selfReported: selfReported.status === "fulfilled" ? selfReported.value : null,
    names: names.status === "fulfilled" ? names.value : new Map(),
    recent: recent.status === "fulfilled" ? recent.value : null,
    problem: [stats, greenest, recent].some((r) => r.status === "rejected")
      ? describeIndexerError(
          [stats, greenest, recent].find((r) => r.status === "rejected")?.reason,
          "The indexer is not reachable right now.",
        )
      : null,
  };
}

export default async function HomePage() {
  const { stats, greenest, selfReported, names, recent, problem } = await load();
  const s = stats?.stats;
  const figures: [string, string][] = s
    ? [
        ["models registered", s.models.toLocaleString("en")],
        ["final attestations", s.final.attestations.toLocaleString("en")],
        ["verified footprint", formatEmissionsG(BigInt(s.final.totalG))],
        ["LEAF issued", formatLeaf(BigInt(s.leaf.supplyWei))],
      ]
    : [];
  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-semibold">What did this model cost the climate?</h1>
        <p className="text-neutral-700 dark:text-neutral-300">
          Greenprint is an on-chain registry of AI models and of their training and inference energy.
          Developers register models and attest the energy they used, backed by evidence anyone can re-hash;
          accredited verifiers check the evidence; verified low-carbon training earns LEAF (1 LEAF = 1 kg CO2e
          avoided). Offsets never lower a score.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/leaderboard"
            className="rounded-md bg-leaf-700 px-4 py-2 font-medium text-white hover:bg-leaf-800"
          >
            See the leaderboard
          </Link>
          <Link
            href="/models/new"
            prefetch={false}
            className="rounded-md border border-leaf-700 px-4 py-2 font-medium hover:bg-leaf-50 dark:hover:bg-neutral-800"
          >
            Register a model
          </Link>
        </div>
      </section>

      {problem ? <IndexerProblem message={problem} /> : null}

      <section aria-labelledby="totals" className="space-y-3">
        <h2 id="totals" className="text-xl font-semibold">
          Live totals
        </h2>
        {s ? (
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {figures.map(([label, value]) => (
              <div key={label} className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
                <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
                <dt className="text-sm text-neutral-600 dark:text-neutral-400">{label}</dt>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Not available until the indexer answers.
          </p>
        )}
      </section>

      <section aria-labelledby="greenest" className="space-y-3">
        <h2 id="greenest" className="text-xl font-semibold">
          Most efficient, verified first
        </h2>
        <p className="max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
          Ranked by efficiency rating: energy per unit of work (Wh per PFLOP of training compute, mWh per
          request) compared with models of the same task, A the most efficient fifth. Models without work
          figures follow. The grid grade is shown apart: it says where the energy came from, not how
          efficiently the model used it.
        </p>
        {!greenest ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Not available until the indexer answers.
          </p>
        ) : (
          <GreenestList
            verified={greenest.rows}
            selfReported={(selfReported?.rows ?? []).slice(0, Math.max(0, GREENEST - greenest.rows.length))}
            names={names}
          />
        )}
      </section>

      <section aria-labelledby="recent" className="space-y-3">
        <h2 id="recent" className="text-xl font-semibold">
          Recent activity
        </h2>
        {!recent ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Not available until the indexer answers.
          </p>
        ) : recent.activity.length > 0 ? (
          <ActivityFeed items={recent.activity} names={names} />
        ) : (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Nothing has happened on the registry yet.
          </p>
        )}
      </section>
    </div>
  );
}
