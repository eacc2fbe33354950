import type { Grade } from "@/lib/spec";

/** Colours chosen for WCAG AA contrast with their text, in both themes. */
const COLOURS: Record<Grade, string> = {
  A: "bg-green-700 text-white",
  B: "bg-lime-300 text-black",
  C: "bg-yellow-300 text-black",
  D: "bg-orange-400 text-black",
  E: "bg-red-700 text-white",
};

/** SPEC section 9 grade by location-based intensity. */
export function GradeBadge({
  grade,
  label,
  srPrefix = "Grade ",
}: {
  grade: Grade | null;
  label?: string;
  /** What a screen reader hears before the letter ("Grid grade " where it is the grid's). */
  srPrefix?: string;
}) {
  if (!grade) return <span className="text-neutral-500">—</span>;
  return (
    <span
      // relative: the sr-only text is placed inside the badge, never past a scrolling table.
      className={`relative inline-flex h-6 w-6 items-center justify-center rounded font-bold ${COLOURS[grade]}`}
      title={label ?? `Grade ${grade}`}
    >
      <span className="sr-only">{srPrefix}</span>
      {grade}
    </span>
  );
}
