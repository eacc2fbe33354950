import Link from "next/link";
import { GridGrade } from "@/components/GridGrade";
import { TrustMark } from "@/components/TrustMark";
import type { LeaderboardRow } from "@/lib/indexer/client";
import { formatIntensity, formatMWhPerRequest, formatWhPerPflop } from "@/lib/units";
import { efficiencyRatingText } from "@/lib/web/efficiency";

/** Grid grades whose electricity is high-carbon: said in words wherever a list calls models green. */
const HIGH_CARBON = new Set(["D", "E"]);

function Row({ r, names }: { r: LeaderboardRow; names: ReadonlyMap<string, string> }) {
  const rating = efficiencyRatingText(r.efficiency);
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3" data-testid="greenest-item">
      {/* the letter is the grid's, said visibly: in a list ordered by efficiency it could pass for a rating */}
      <span className="inline-flex items-center gap-1">
        <GridGrade grade={r.grade} intensity={r.intensity} />
        <span aria-hidden="true" className="text-xs text-neutral-600 dark:text-neutral-400">
          grid
        </span>
      </span>
      <Link href={`/models/${r.id}`} className="font-medium hover:underline">
        {r.name ?? `Model #${r.id}`}
      </Link>
      <TrustMark
        counting={r.counting}
        verifiers={r.trust.verifiers}
        names={names}
        includesUnfinal={r.includesUnfinal}
      />
      <span className="ml-auto text-sm tabular-nums" data-testid="greenest-efficiency">
        {rating === "—" ? "No efficiency figure yet" : `Efficiency ${rating}`}
        {r.efficiency?.mWhPerPflop ? ` · ${formatWhPerPflop(BigInt(r.efficiency.mWhPerPflop))}` : ""}
        {r.efficiency?.mWhPerRequest ? ` · ${formatMWhPerRequest(BigInt(r.efficiency.mWhPerRequest))}` : ""}
        {" · grid "}
        {formatIntensity(BigInt(r.intensity))}
      </span>
      {r.grade && HIGH_CARBON.has(r.grade) ? (
        <span className="w-full text-sm text-orange-800 dark:text-orange-300" data-testid="high-carbon-note">
          Grid grade {r.grade}: high-carbon electricity. Listed because few models are ranked yet, not because
          it is green.
        </span>
      ) : null}
    </li>
  );
}

/**
 * The home page's "most efficient" list (ordered by efficiency rating by the API): verified models first, then (only to fill it)
 * self-reported ones under their own heading, never mixed; a D or E grid grade is said in words.
 */
export function GreenestList(props: {
  verified: LeaderboardRow[];
  selfReported: LeaderboardRow[];
  names: ReadonlyMap<string, string>;
}) {
  const list =
    "divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800";
  return (
    <div className="space-y-3">
      {props.verified.length > 0 ? (
        <ol className={list} aria-label="Verified models">
          {props.verified.map((r) => (
            <Row key={r.id} r={r} names={props.names} />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No footprint has been verified yet.</p>
      )}
      {props.selfReported.length > 0 ? (
        <>
          <h3 className="text-sm font-medium">Self-reported, not verified yet</h3>
          <ol className={list} aria-label="Self-reported models">
            {props.selfReported.map((r) => (
              <Row key={r.id} r={r} names={props.names} />
            ))}
          </ol>
        </>
      ) : null}
      <p className="text-sm">
        <Link href="/leaderboard" className="underline">
          The whole leaderboard
        </Link>
      </p>
    </div>
  );
}
