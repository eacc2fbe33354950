/**
 * Every formula of shared/SPEC.md, in bigint, written in the SPEC's own order of
 * operations. Integer division rounds down (bigint `/` truncates, and every operand
 * here is non-negative, so truncation is rounding down). Changing the order of a
 * multiplication and a division changes results by one unit; the contracts and the
 * indexer must match these bit for bit, so keep expressions literal.
 *
 * One file a SPEC section: emissions (4), rewards and the efficiency bonus (6), leaderboard figures and
 * efficiency ratings (9); this module is their public face (the SDK's `formulas` entry).
 */
export * from "./efficiency";
export * from "./emissions";
export * from "./leaderboard";
export * from "./rewards";
