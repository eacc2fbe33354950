// How wide a line of text is in a server-rendered SVG, without a browser to measure it: Helvetica/
// Arial advance widths (1/1000 em) for ASCII, a full em for anything else, and a margin for the
// system font actually used (ui-sans-serif: Segoe UI, Roboto, ...), so an estimate is never short.
// One estimate for every chart, so labels that are clipped and labels that are spaced agree.

const ASCII_WIDTHS =
  // " " to "~" (32..126)
  [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
    500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
    556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
  ];
/** System UI fonts run up to about a tenth wider than Arial. */
const MARGIN = 1.1;
const ELLIPSIS = "…";

/** The estimated width in px of `text` set at `fontPx`. */
export function textWidth(text: string, fontPx: number): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? (ASCII_WIDTHS[code - 32] ?? 1000) : 1000;
  }
  return (units / 1000) * fontPx * MARGIN;
}

/** `text` as it is when it fits in `maxPx`, otherwise its longest start that fits followed by "…". */
export function fitText(text: string, maxPx: number, fontPx: number): string {
  if (textWidth(text, fontPx) <= maxPx) return text;
  const chars = [...text];
  let keep = chars.length;
  while (keep > 0 && textWidth(`${chars.slice(0, keep).join("").trimEnd()}${ELLIPSIS}`, fontPx) > maxPx)
    keep--;
  return keep === 0 ? "" : `${chars.slice(0, keep).join("").trimEnd()}${ELLIPSIS}`;
}
