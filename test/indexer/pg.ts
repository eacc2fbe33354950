// A private PostgreSQL for tests and benchmarks: Debian's binaries, a temp data dir, run as the
// unprivileged "postgres" user when we are root, fsync off, stopped by `stop()`.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { freePort } from "./helpers";

export function pgBin(name: string): string | null {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort().reverse()) {
      const candidate = path.join(root, version, "bin", name);
      if (existsSync(candidate)) return candidate;
    }
  }
  try {
    return execFileSync("which", [name], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** Why PostgreSQL cannot be started here, or false. */
export const postgresMissing =
  !pgBin("initdb") || !pgBin("pg_ctl")
    ? "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install -y postgresql"
    : false;

function asPostgres(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export interface Postgres {
  url: string;
  port: number;
  /** psql -Atc `sql`, the output. */
  psql(sql: string): string;
  stop(): void;
}

/** initdb + pg_ctl start in `dir` (which must exist). */
export async function startPostgres(dir: string): Promise<Postgres> {
  const initdb = pgBin("initdb") as string;
  const pgCtl = pgBin("pg_ctl") as string;
  const user = asPostgres();
  const dataDir = path.join(dir, "data");
  mkdirSync(dataDir);
  if ("uid" in user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(dataDir, user.uid, user.gid);
  }
  const port = await freePort();
  execFileSync(initdb, ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], {
    ...user,
    stdio: "ignore",
  });
  execFileSync(
    pgCtl,
    [
      "-D",
      dataDir,
      "-l",
      path.join(dir, "postgres.log"),
      "-w",
      "-t",
      "600",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      "start",
    ],
    { ...user, stdio: "ignore" },
  );
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    psql: (sql) =>
      execFileSync(
        pgBin("psql") as string,
        ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-Atc", sql],
        { encoding: "utf8" },
      ),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        execFileSync(pgCtl, ["-D", dataDir, "-m", "immediate", "stop"], { ...user, stdio: "ignore" });
      } catch {
        // already stopped
      }
    },
  };
}
