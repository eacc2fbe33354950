/**
 * How old a chain-identity check may be when an API answer rests on it (ms). Within this window a
 * replaced chain can still be answered from the old index; tests that replace the chain wait it out.
 * A plain module (no Ponder imports) so that tests can read it.
 */
export const CHECK_TTL_MS = 1000;
