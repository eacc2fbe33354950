import { formatUtcRange } from "@/lib/humanize";
import type { EvidenceView } from "@/lib/server/evidenceView";

const box = "rounded-md border p-4 text-sm";
const good = `${box} border-green-300 bg-green-50 text-green-950 dark:border-green-800 dark:bg-green-950 dark:text-green-100`;
const badBox = `${box} border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100`;
const neutral = `${box} border-neutral-300 dark:border-neutral-700`;

/** A small SVG of the run's cumulative energy over its rows (no script, so it renders without JS). */
function Timeline({ points }: { points: Array<{ at: string; kWh: number }> }) {
  if (points.length < 2) return null;
  const max = points.at(-1)?.kWh || 1;
  const width = 480;
  const height = 120;
  const path = points
    .map((p, n) => {
      const x = (n / (points.length - 1)) * width;
      const y = height - (p.kWh / max) * height;
      return `${n === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
  return (
    <figure className="space-y-1">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-32 w-full max-w-lg text-leaf-700"
        role="img"
        aria-label={`Cumulative energy over ${points.length} measurement rows, ${max.toFixed(3)} kWh in all`}
      >
        <path
          d={`M0,0 L0,${height} L${width},${height}`}
          fill="none"
          stroke="currentColor"
          strokeOpacity="0.3"
          strokeWidth="1"
        />
        <path d={path} fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <figcaption className="text-xs text-neutral-600 dark:text-neutral-400">
        Cumulative energy over the run's {points.length} rows: {points[0]?.at} → {points.at(-1)?.at} (
        {max.toFixed(3)} kWh)
      </figcaption>
    </figure>
  );
}

/** The evidence viewer: the re-hash verdict, then the document's main fields and rows check. */
export function EvidencePanel({ view, evidenceHash }: { view: EvidenceView; evidenceHash: string }) {
  if (!view.found)
    return (
      <p className={neutral} data-testid="evidence-verdict">
        Evidence not checked: {view.reason}
      </p>
    );
  const { check, rowsRoot } = view;
  const hashMatches = check.hash !== null && check.hash.toLowerCase() === evidenceHash.toLowerCase();
  const doc = check.document;
  return (
    <div className="space-y-4">
      {check.ok && check.differences.length === 0 ? (
        <p className={good} data-testid="evidence-verdict">
          ✓ The evidence document matches the on-chain hash: re-hashed here (RFC 8785 JCS, SHA-256) to{" "}
          <span className="break-all font-mono text-xs">{check.hash}</span>
          {check.canonical ? "" : " (the copy read was not in canonical form; its canonical form matches)"}.
          Read from <span className="break-all font-mono text-xs">{view.from}</span>.
        </p>
      ) : (
        <div className={badBox} data-testid="evidence-verdict" role="alert">
          <p className="font-semibold">
            ✗{" "}
            {hashMatches
              ? "The evidence document matches the on-chain hash, but it does not check out:"
              : "Mismatch: the evidence document does not match the on-chain hash."}
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {[...check.errors, ...check.differences].map((e) => (
              <li key={e} className="break-all">
                {e}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs">
            On chain: <span className="break-all font-mono">{evidenceHash}</span>
            <br />
            Read from <span className="break-all font-mono">{view.from}</span>, canonical SHA-256:{" "}
            <span className="break-all font-mono">{check.hash ?? "not JSON"}</span>
          </p>
        </div>
      )}
      {doc ? (
        <dl
          className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]"
          data-testid="evidence-fields"
        >
          <dt className="text-neutral-600 dark:text-neutral-400">Run</dt>
          <dd className="break-all">
            {doc.run.ids.join(", ") || "—"}
            {doc.run.project ? ` (project ${doc.run.project})` : ""}
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Period</dt>
          <dd>{formatUtcRange(BigInt(doc.period.start), BigInt(doc.period.end))}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Hardware</dt>
          <dd data-testid="evidence-hardware">
            {doc.hardware.length === 0
              ? "—"
              : doc.hardware
                  .map((h) => `${h.count} × ${h.model} (${h.type}${h.tdpW ? `, ${h.tdpW} W TDP` : ""})`)
                  .join(", ")}
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Cloud</dt>
          <dd>{doc.cloud ? `${doc.cloud.provider} ${doc.cloud.region}` : "—"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Tool</dt>
          <dd>{doc.tool ? `${doc.tool}${doc.toolVersion ? ` ${doc.toolVersion}` : ""}` : "—"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Sources</dt>
          <dd className="text-xs">
            energy: {doc.energyWh.source}; PUE: {doc.pueMilli.source}; intensity:{" "}
            {doc.locationIntensity.source}; renewable share: {doc.renewableBps.source}
          </dd>
          {view.components.length > 0 ? (
            <>
              <dt className="text-neutral-600 dark:text-neutral-400">Energy by component</dt>
              <dd data-testid="evidence-components">
                {view.components.map((c) => `${c.name} ${c.kWh} kWh`).join(", ")} (from the raw rows, before
                PUE)
              </dd>
            </>
          ) : null}
          <dt className="text-neutral-600 dark:text-neutral-400">Raw rows</dt>
          <dd data-testid="evidence-rows">
            {doc.rows
              ? `${doc.rows.items.length} rows (${doc.rows.format}); their Merkle root recomputed here matches the document's (${doc.rows.root.slice(0, 10)}…)`
              : "none included"}
            {rowsRoot.matches === true ? "; it is the root committed on chain." : null}
            {rowsRoot.matches === false ? (
              <span className="text-red-700 dark:text-red-400">
                ; the root committed on chain is {rowsRoot.onChain}, not {rowsRoot.document ?? "absent"}.
              </span>
            ) : null}
            {rowsRoot.matches === null && doc.rows ? "; no rows root was committed on chain." : null}
          </dd>
          {doc.attachments.length > 0 ? (
            <>
              <dt className="text-neutral-600 dark:text-neutral-400">Attachments</dt>
              <dd className="break-all">
                {doc.attachments.map((a) => (
                  <span key={a.sha256} className="block">
                    {a.uri ? (
                      <a href={a.uri} className="underline" rel="noreferrer nofollow">
                        {a.name}
                      </a>
                    ) : (
                      a.name
                    )}{" "}
                    <span className="font-mono text-xs">sha256 {a.sha256}</span>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          {doc.notes.length > 0 ? (
            <>
              <dt className="text-neutral-600 dark:text-neutral-400">Notes</dt>
              <dd className="text-xs">{doc.notes.join(" ")}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <Timeline points={view.timeline} />
    </div>
  );
}
