import { GRADE_COLOURS, type Grade } from "@/lib/spec";

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
      className="relative inline-flex h-6 w-6 items-center justify-center rounded font-bold"
      style={{ backgroundColor: GRADE_COLOURS[grade].background, color: GRADE_COLOURS[grade].text }}
      title={label ?? `Grade ${grade}`}
    >
      <span className="sr-only">{srPrefix}</span>
      {grade}
    </span>
  );
}
