// "N models · page x of y" with Previous/Next links that keep the other URL parameters (plain
// links: works without JavaScript).
import Link from "next/link";
import { withParams } from "@/lib/web/leaderboardQuery";

export function Pagination(props: {
  basePath: string;
  params: URLSearchParams;
  page: number;
  pageSize: number;
  total: number;
  /** What is counted, singular and plural (default: model, models). */
  noun?: readonly [string, string];
}) {
  const { basePath, params, page, pageSize, total, noun = ["model", "models"] } = props;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      <span>
        {total} {total === 1 ? noun[0] : noun[1]} · page {page} of {Math.max(1, Math.ceil(total / pageSize))}
      </span>
      <span className="flex gap-4">
        {page > 1 ? (
          <Link href={`${basePath}${withParams(params, { page: String(page - 1) })}`} className="underline">
            Previous
          </Link>
        ) : null}
        {page * pageSize < total ? (
          <Link href={`${basePath}${withParams(params, { page: String(page + 1) })}`} className="underline">
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
