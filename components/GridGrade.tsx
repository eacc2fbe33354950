import { GradeBadge } from "@/components/GradeBadge";
import type { Grade } from "@/lib/spec";
import { formatIntensity } from "@/lib/units";

/**
 * The SPEC 9 grade by location-based intensity, labelled as the grid's: it says where the
 * electricity came from, not how efficiently the model used it.
 */
export function GridGrade({ grade, intensity }: { grade: Grade | null; intensity?: string | null }) {
  return (
    <GradeBadge
      grade={grade}
      srPrefix="Grid grade "
      label={
        grade
          ? `Grid grade ${grade}${intensity ? ` (${formatIntensity(BigInt(intensity))})` : ""}: where the electricity came from, not the model's efficiency`
          : undefined
      }
    />
  );
}
