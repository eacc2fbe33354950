import { formatEmissionsG, formatEnergyWh } from "@/lib/units";

/** "REC 500 MWh" or "Carbon credit 1 t retired": the amount always with its unit. */
export function certificateAmountText(kind: "REC" | "CARBON_CREDIT", amount: string | bigint): string {
  return kind === "REC"
    ? `REC ${formatEnergyWh(BigInt(amount))}`
    : `Carbon credit ${formatEmissionsG(BigInt(amount))} retired`;
}
