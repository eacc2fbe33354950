import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const REPO = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(REPO, "node_modules", ".bin", "tsx");

/** Runs a process that creates two temp dirs, writes into one, and exits; returns their paths. */
function createInChild(env: Record<string, string> = {}): string[] {
  const code = `import { writeFileSync } from "node:fs";
import { tempDir } from ${JSON.stringify(path.join(REPO, "script", "lib", "tempDir.ts"))};
const a = tempDir("selftest"); const b = tempDir("selftest");
writeFileSync(a + "/data", "x".repeat(1000));
console.log(JSON.stringify([a, b]));`;
  const out = execFileSync(TSX, ["--eval", code], { env: { ...process.env, ...env }, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").at(-1) as string);
}

describe("tempDir", () => {
  it("removes every directory it created when the process exits", () => {
    const dirs = createInChild({ GREENPRINT_KEEP_TMP: "" });
    expect(dirs).toHaveLength(2);
    for (const dir of dirs) expect(existsSync(dir), dir).toBe(false);
  });

  it("keeps them, and says where, when the process fails", () => {
    const code = `import { tempDir } from ${JSON.stringify(path.join(REPO, "script", "lib", "tempDir.ts"))};
const a = tempDir("selftest"); console.log(JSON.stringify([a])); process.exitCode = 3;`;
    const r = spawnSync(TSX, ["--eval", code], {
      env: { ...process.env, GREENPRINT_KEEP_TMP: "" },
      encoding: "utf8",
    });
    const [dir] = JSON.parse(r.stdout.trim().split("\n").at(-1) as string) as string[];
    try {
      expect(r.status).toBe(3);
      expect(existsSync(dir as string)).toBe(true);
      expect(r.stderr).toContain(`kept for the post-mortem of this failed run: ${dir}`);
    } finally {
      rmSync(dir as string, { recursive: true, force: true });
    }
  });

  it("removes them when the run is stopped by a signal (exit code 128 + n, as on Ctrl-C)", () => {
    const code = `import { tempDir } from ${JSON.stringify(path.join(REPO, "script", "lib", "tempDir.ts"))};
const a = tempDir("selftest"); console.log(JSON.stringify([a])); process.exit(130);`;
    const r = spawnSync(TSX, ["--eval", code], {
      env: { ...process.env, GREENPRINT_KEEP_TMP: "" },
      encoding: "utf8",
    });
    const [dir] = JSON.parse(r.stdout.trim().split("\n").at(-1) as string) as string[];
    expect(r.status).toBe(130);
    expect(existsSync(dir as string)).toBe(false);
  });

  it("keeps them with GREENPRINT_KEEP_TMP=1", () => {
    const dirs = createInChild({ GREENPRINT_KEEP_TMP: "1" });
    try {
      for (const dir of dirs) expect(existsSync(dir), dir).toBe(true);
      writeFileSync(path.join(dirs[0] as string, "more"), "");
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
