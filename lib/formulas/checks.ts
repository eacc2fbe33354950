// Argument checks of the formulas: every SPEC operand is non-negative, every share in basis points.
import { BPS_DENOMINATOR } from "../spec";

/** Throws unless the value is >= 0. */
export function assertNonNegative(name: string, v: bigint): void {
  if (v < 0n) throw new RangeError(`${name} must be >= 0, got ${v}`);
}

/** Throws unless the value is in 0..10000 (basis points). */
export function assertBps(name: string, v: bigint): void {
  if (v < 0n || v > BPS_DENOMINATOR) throw new RangeError(`${name} must be in 0..10000, got ${v}`);
}
