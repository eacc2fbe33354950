// The "live" registry of zero-downtime redeploys (PostgreSQL only): which indexer version answers
// the public API of a chain. A version (indexer/scripts/start.ts) backfills into its own schema and
// records itself here once Ponder reports it ready; the router (indexer/scripts/router.ts) sends
// every request to the version recorded here; a replaced version sees it and retires.
import pg from "pg";

/** The part of Pool used here (pg is untyped in this package, see src/types/pg.d.ts). */
export interface Pool {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}

export interface LiveVersion {
  schema: string;
  url: string;
  version: string;
  since: Date;
}

const DDL = [
  "create schema if not exists greenprint_indexer",
  `create table if not exists greenprint_indexer.live (
     chain_id bigint primary key,
     schema text not null,
     url text not null,
     version text not null,
     since timestamptz not null default now()
   )`,
];

export function livePool(databaseUrl: string): Pool {
  return new pg.Pool({ connectionString: databaseUrl, max: 1 });
}

export async function ensureLiveTable(pool: Pool) {
  for (const statement of DDL) {
    try {
      await pool.query(statement);
    } catch (error) {
      // Two processes creating it at the same moment: the loser's error is harmless.
      if ((error as { code?: string }).code !== "23505") throw error;
    }
  }
}

export async function readLive(pool: Pool, chainId: number): Promise<LiveVersion | null> {
  const { rows } = await pool.query(
    "select schema, url, version, since from greenprint_indexer.live where chain_id = $1",
    [chainId],
  );
  return (rows[0] as LiveVersion | undefined) ?? null;
}

/** Makes `version` the one that answers; returns the version it replaced, if any. */
export async function setLive(
  pool: Pool,
  chainId: number,
  live: Omit<LiveVersion, "since">,
): Promise<LiveVersion | null> {
  const previous = await readLive(pool, chainId);
  await pool.query(
    `insert into greenprint_indexer.live (chain_id, schema, url, version, since) values ($1, $2, $3, $4, now())
     on conflict (chain_id) do update set schema = excluded.schema, url = excluded.url,
       version = excluded.version, since = excluded.since`,
    [chainId, live.schema, live.url, live.version],
  );
  return previous;
}
