// A shields-style badge (label | value) for READMEs, rendered by badgen: it lays text out with
// Verdana's real glyph widths, escapes it, and picks a readable text colour for the value's background.
import { badgen } from "badgen";

/** An SVG badge; `colour` is a #rrggbb background for the value. */
export function badgeSvg(label: string, value: string, colour: `#${string}`): string {
  // badgen types its colour as a preset name, but takes any hex colour without the '#'.
  return badgen({ label, status: value, color: colour.slice(1) as "green" });
}
