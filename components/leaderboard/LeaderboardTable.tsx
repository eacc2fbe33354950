import Link from "next/link";
import { GridGrade } from "@/components/GridGrade";
import { TrustMark } from "@/components/TrustMark";
import type { LeaderboardRow } from "@/lib/indexer/client";
import {
  formatBps,
  formatEmissionsG,
  formatEnergyWh,
  formatIntensity,
  formatLeaf,
  formatMWhPerRequest,
  formatWhPerPflop,
} from "@/lib/units";
import { efficiencyRatingText } from "@/lib/web/efficiency";
import { sortLink } from "@/lib/web/leaderboardQuery";

/**
 * Columns of SPEC section 9 with the order a first click sorts by and the width from which each
 * shows: a phone keeps the model, its emissions and grid grade (priority columns) and never
 * scrolls the page sideways; wider screens add the rest. Location- and market-based emissions are
 * not columns of their own (the emissions basis filter switches the Emissions column between them),
 * nor is the embodied part of Emissions: every figure is in the CSV and JSON and on the model page.
 */
const COLUMNS: {
  key: string;
  label: string;
  order: "asc" | "desc";
  numeric?: boolean;
  show: string;
  sortable?: boolean;
}[] = [
  { key: "name", label: "Model", order: "asc", show: "" },
  { key: "emissionsG", label: "Emissions", order: "asc", numeric: true, show: "" },
  { key: "grade", label: "Grid grade", order: "asc", show: "" },
  { key: "energyWh", label: "Energy", order: "desc", numeric: true, show: "hidden sm:table-cell" },
  { key: "intensity", label: "Grid intensity", order: "asc", numeric: true, show: "hidden md:table-cell" },
  { key: "mWhPerPflop", label: "Wh/PFLOP", order: "asc", numeric: true, show: "hidden md:table-cell" },
  { key: "efficiency", label: "Efficiency rating", order: "asc", show: "hidden md:table-cell" },
  { key: "mWhPerRequest", label: "mWh/request", order: "asc", numeric: true, show: "hidden 2xl:table-cell" },
  { key: "renewableBps", label: "Renewable", order: "desc", numeric: true, show: "hidden xl:table-cell" },
  {
    key: "gPerBillionParams",
    label: "g / B params",
    order: "asc",
    numeric: true,
    show: "hidden 2xl:table-cell",
  },
  { key: "certificates", label: "Certificates", order: "desc", numeric: true, show: "hidden 2xl:table-cell" },
  { key: "leafEarnedWei", label: "LEAF", order: "desc", numeric: true, show: "hidden lg:table-cell" },
  { key: "trust", label: "Method", order: "asc", show: "hidden md:table-cell" },
];

const cell = "py-2 pr-2 sm:pr-3";

function value(r: LeaderboardRow, key: string) {
  switch (key) {
    case "emissionsG":
      return formatEmissionsG(BigInt(r.emissionsG));
    case "energyWh":
      return formatEnergyWh(BigInt(r.energyWh));
    case "intensity":
      return formatIntensity(BigInt(r.intensity));
    case "mWhPerPflop":
      return r.efficiency?.mWhPerPflop ? formatWhPerPflop(BigInt(r.efficiency.mWhPerPflop)) : "—";
    case "efficiency":
      return efficiencyRatingText(r.efficiency);
    case "mWhPerRequest":
      return r.efficiency?.mWhPerRequest ? formatMWhPerRequest(BigInt(r.efficiency.mWhPerRequest)) : "—";
    case "renewableBps":
      return formatBps(BigInt(r.renewableBps));
    case "gPerBillionParams":
      return r.gPerBillionParams === null ? "—" : formatEmissionsG(BigInt(r.gPerBillionParams));
    case "certificates":
      return r.certificates.recWh === "0" && r.certificates.creditsG === "0"
        ? "—"
        : `${formatEnergyWh(BigInt(r.certificates.recWh))} REC · ${formatEmissionsG(BigInt(r.certificates.creditsG))} credits`;
    case "leafEarnedWei":
      return formatLeaf(BigInt(r.leafEarnedWei));
    default:
      return null;
  }
}

/**
 * One ranking (verified or self-reported; never both in one table), each row marked with who
 * checked its figures, and a checkbox per row for the compare form (`compareForm`, a plain GET
 * form elsewhere on the page: works without JavaScript).
 */
export function LeaderboardTable(props: {
  caption: string;
  rows: LeaderboardRow[];
  params: URLSearchParams;
  verifierNames: ReadonlyMap<string, string>;
  compareForm: string;
  testId: string;
}) {
  const { rows, params } = props;
  const sort = params.get("sort") ?? "intensity";
  return (
    // 2xl shows every column: the table takes the room beside the 72rem page column (a 96rem screen
    // leaves 12rem each side), so that no column is cut off inside a scrolling box.
    <div className="overflow-x-auto 2xl:-mx-[11rem]">
      <table className="w-full text-left text-xs sm:text-sm" data-testid={props.testId}>
        <caption className="sr-only">{props.caption}</caption>
        <thead className="border-b border-neutral-200 text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
          <tr>
            <th scope="col" className={cell}>
              <span className="sr-only">Compare</span>
            </th>
            <th scope="col" className={cell}>
              #
            </th>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`${cell} ${c.show} ${c.numeric ? "text-right" : ""}`}
                aria-sort={
                  sort === c.key ? (params.get("order") === "desc" ? "descending" : "ascending") : undefined
                }
              >
                {c.sortable === false ? (
                  c.label
                ) : (
                  <Link href={`/leaderboard${sortLink(params, c.key, c.order)}`} className="hover:underline">
                    {c.label}
                    {sort === c.key ? (params.get("order") === "desc" ? " ↓" : " ↑") : ""}
                  </Link>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-neutral-100 align-top dark:border-neutral-900">
              <td className={cell}>
                <input
                  type="checkbox"
                  name="ids"
                  value={r.id}
                  form={props.compareForm}
                  aria-label={`Compare ${r.name ?? `model #${r.id}`}`}
                  className="h-4 w-4"
                />
              </td>
              <td className={`${cell} tabular-nums`}>{r.rank}</td>
              <td className={`${cell} sm:min-w-40`} data-col="name">
                <Link href={`/models/${r.id}`} className="font-medium break-words hover:underline">
                  {r.name ?? `Model #${r.id}`}
                </Link>
                <span className="block text-neutral-600 dark:text-neutral-400">
                  {[r.organization, r.task].filter(Boolean).join(" · ")}
                </span>
                <TrustMark
                  counting={r.counting}
                  verifiers={r.trust.verifiers}
                  names={props.verifierNames}
                  includesUnfinal={r.includesUnfinal}
                />
              </td>
              {COLUMNS.slice(1).map((c) =>
                c.key === "grade" ? (
                  <td key={c.key} className={cell} data-col={c.key}>
                    <GridGrade grade={r.grade} intensity={r.intensity} />
                  </td>
                ) : c.key === "efficiency" ? (
                  <td key={c.key} className={`${cell} ${c.show} whitespace-nowrap`} data-col={c.key}>
                    {value(r, c.key)}
                  </td>
                ) : c.key === "trust" ? (
                  <td key={c.key} className={`${cell} ${c.show}`} data-col={c.key}>
                    {r.trust.level}
                  </td>
                ) : (
                  <td
                    key={c.key}
                    className={`${cell} ${c.show} text-right whitespace-nowrap tabular-nums`}
                    data-col={c.key}
                  >
                    {value(r, c.key)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
