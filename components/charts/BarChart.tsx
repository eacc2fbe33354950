import { niceAxis, shareOf } from "@/lib/web/chartScale";
import { fitText, textWidth } from "@/lib/web/textWidth";

export interface BarSeries {
  name: string;
  /** Tailwind fill class of its bars and legend swatch, e.g. "fill-sky-600". */
  fill: string;
  /** Background class of its legend swatch, e.g. "bg-sky-600". */
  swatch: string;
}

export interface BarRow {
  key: string;
  label: string;
  /** One value per series, in the chart's one unit (a SPEC integer). */
  values: bigint[];
}

// A narrow canvas, so a phone scales it down little and the text stays legible.
const WIDTH = 420;
const LABEL = 140;
/** Room right of the axis for the last tick's label. */
const RIGHT = 12;
const PLOT = WIDTH - LABEL - RIGHT;
const BAR = 12;
const GAP = 10;
const AXIS = 44;
/** Font sizes (px) of the row labels and tick labels, as their text-[Npx] classes say. */
const LABEL_PX = 11;
const TICK_PX = 10;
/** Row labels end this far left of the axis and keep this margin from the canvas's left edge. */
const LABEL_GAP = 6;
const LABEL_MARGIN = 2;
/** A row label shortened (with "…") to the label column by the shared width estimate. */
const rowLabel = (text: string) => fitText(text, LABEL - LABEL_GAP - LABEL_MARGIN, LABEL_PX);

/**
 * Horizontal bars on one shared scale, server-rendered SVG (no chart library, no JavaScript): an
 * axis from 0 with ticks and its unit, every series of every row measured against it, so bars
 * compare. The same numbers follow as a table for screen readers. `format` is the lib/units
 * formatter of the unit (the one display of that figure), used for ticks, tooltips and the table.
 */
export function BarChart({
  id,
  title,
  axisLabel,
  series,
  rows,
  format,
  formatTick = format,
}: {
  id: string;
  title: string;
  /** What the axis measures, e.g. "energy (facility, PUE included)". */
  axisLabel: string;
  series: BarSeries[];
  rows: BarRow[];
  format: (value: bigint) => string;
  /** Tick labels, when the unit is long and already in `axisLabel` (default `format`). */
  formatTick?: (value: bigint) => string;
}) {
  if (rows.length === 0) return null;
  // biome-ignore lint/complexity/useMathMinMax: bigint values; Math.max takes numbers only
  const max = rows.flatMap((r) => r.values).reduce((m, v) => (v > m ? v : m), 0n);
  const axis = niceAxis(max);
  const band = series.length * BAR + GAP;
  const plotHeight = rows.length * band;
  const height = plotHeight + AXIS;
  const x = (v: bigint) => LABEL + shareOf(v, axis.end) * PLOT;
  // Tick labels must not run into each other: label every `step`-th tick, where `step` leaves room for
  // the widest label (the first label, anchored at its start, reaches a whole width to the right,
  // the next half a width to the left).
  const tickLabels = axis.ticks.map((t) => formatTick(t));
  const widest = Math.max(...tickLabels.map((l) => textWidth(l, TICK_PX)));
  const spacing = axis.ticks.length > 1 ? PLOT / (axis.ticks.length - 1) : PLOT;
  const step = Math.max(1, Math.ceil((1.5 * widest + 4) / spacing));
  return (
    <figure className="relative space-y-1" data-testid={`chart-${id}`}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        className="w-full max-w-xl text-neutral-800 dark:text-neutral-200"
      >
        <title
          id={`${id}-title`}
        >{`${title} (${axisLabel}, shared scale from 0 to ${format(axis.end)})`}</title>
        {axis.ticks.map((t, n) => (
          <g key={t.toString()}>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={0}
              y2={plotHeight}
              className="stroke-neutral-300 dark:stroke-neutral-700"
              strokeWidth={1}
            />
            {/* The first and last labels sit inside the canvas instead of being cut at its edges. */}
            <text
              x={x(t)}
              y={plotHeight + 14}
              textAnchor={n === 0 ? "start" : n === axis.ticks.length - 1 ? "end" : "middle"}
              className="fill-current text-[10px]"
            >
              {n % step === 0 ? tickLabels[n] : ""}
            </text>
          </g>
        ))}
        <line x1={LABEL} x2={LABEL} y1={0} y2={plotHeight} className="stroke-current" strokeWidth={1} />
        <text
          x={LABEL + PLOT / 2}
          y={plotHeight + 36}
          textAnchor="middle"
          className="fill-current text-[11px]"
        >
          {axisLabel}
        </text>
        {rows.map((r, i) => (
          <g key={r.key}>
            {/* Shortened to fit the label column; the full name in its title (and the table below). */}
            <text
              x={LABEL - LABEL_GAP}
              y={i * band + GAP / 2 + (series.length * BAR) / 2 + 4}
              textAnchor="end"
              className="fill-current text-[11px]"
            >
              <title>{r.label}</title>
              {rowLabel(r.label)}
            </text>
            {r.values.map((v, n) => (
              <rect
                // biome-ignore lint/suspicious/noArrayIndexKey: the series order is fixed
                key={n}
                x={LABEL}
                y={i * band + GAP / 2 + n * BAR}
                width={Math.max(shareOf(v, axis.end) * PLOT, v > 0n ? 1 : 0)}
                height={BAR - 2}
                className={series[n]?.fill}
              >
                <title>{`${r.label}, ${series[n]?.name}: ${format(v)}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 text-xs text-neutral-600 dark:text-neutral-400">
        {series.map((s) => (
          <span key={s.name}>
            <span className={`mr-1 inline-block h-2 w-2 ${s.swatch}`} aria-hidden="true" />
            {s.name}
          </span>
        ))}
        <span>one scale for every bar, from 0</span>
      </figcaption>
      {/* sr-only on a wrapper: a table ignores overflow:hidden and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              {series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                {r.values.map((v, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the series order is fixed
                  <td key={n}>{format(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
