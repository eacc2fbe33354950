import { GRADE_COLOURS, type Grade } from "@/lib/spec";

/** SPEC section 9 grade by location-based intensity. */
export function GradeBadge({ grade, label }: { grade: Grade | null; label?: string }) {
  if (!grade) return <span className="text-neutral-500">—</span>;
  return (
    <span
      className="inline-flex h-6 w-6 items-center justify-center rounded font-bold"
      style={{ backgroundColor: GRADE_COLOURS[grade].background, color: GRADE_COLOURS[grade].text }}
      title={label ?? `Grade ${grade}`}
    >
      <span className="sr-only">Grade </span>
      {grade}
    </span>
  );
}
