import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const created: string[] = [];

/**
 * A fresh directory under the system temp dir, removed when this process exits successfully. Test
 * and bench runs write chains, PGlite and PostgreSQL data there (gigabytes in the bench): left
 * behind, a few runs filled this machine's disk. A failed run (exit code 1..127) keeps them, and
 * says where, for its post-mortem (the logs are there); a run stopped by a signal (Ctrl-C) does not.
 * `GREENPRINT_KEEP_TMP=1` keeps them always.
 */
export function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `gp-${name}-`));
  if (created.length === 0 && process.env.GREENPRINT_KEEP_TMP !== "1") process.once("exit", removeCreated);
  created.push(dir);
  return dir;
}

function removeCreated(code: number) {
  // 1..127: the run failed. 0 is success; 128 + n is a stop by signal n (Ctrl-C on `npm run dev`).
  if (code > 0 && code < 128) {
    process.stderr.write(`kept for the post-mortem of this failed run: ${created.join(" ")}\n`);
    return;
  }
  for (const dir of created) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // a child still writing there (a killed indexer's last log line): cleaning up never fails a run
    }
  }
}
