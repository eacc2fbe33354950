// The CLI end to end (test/cli/cli.test.ts): help and flags, refusals before sending (wrong chain, a payload
// for another registry), an RPC that is down, and the leaderboard against an API stub.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { type CliContext, RELAYER } from "./cliContext";
import { cli, cliInProcess as run } from "./run";

export function helpAndKeyFlags() {
  it("help, unknown commands and flags, keys never from flags", async () => {
    const help = await cli(["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes:/);
    assert.match((await run(["attest", "--help"])).stdout, /--codecarbon FILE/);
    assert.equal((await run(["frobnicate"])).code, 1);
    const bad = await run(["status", "--nope"]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Unknown option '--nope'/);
    assert.equal((await run(["model", "register", "--private-key", "0x00"])).code, 1);
  });
}

export function leaderboard(ctx: CliContext) {
  it("leaderboard: table, --json, and a clear message when the API is down", async () => {
    const { apiUrl } = ctx;
    const table = await run(["leaderboard", "--api", apiUrl, "--sort", "totalG", "--order", "asc"]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /Tiny +1\.4 MWh/);
    // The same digits as the app and the other commands: formatBps, and LEAF at gram precision (3 decimals).
    assert.match(table.stdout, /D +0% +0\.118 +SOFTWARE/);
    const json = await run([
      "leaderboard",
      "--api",
      apiUrl,
      "--json",
      "--page-size",
      "5",
      "--include",
      "verified",
    ]);
    assert.equal(json.json.rows[0].grade, "D");
    assert.match(json.json.query, /pageSize=5/);
    assert.match(json.json.query, /include=verified/);
    const down = await cli(["leaderboard", "--api", "http://127.0.0.1:9/api/v1"]);
    assert.equal(down.code, 3);
    assert.match(down.stderr, /leaderboard API at http:\/\/127\.0\.0\.1:9\/api\/v1 is unreachable/);
  });
}

export function wrongChainOrRegistry(ctx: CliContext) {
  it("a wrong --chain or a payload signed for another registry is refused before sending", async () => {
    const { t, env, d } = ctx;
    const chain = await run(["model", "show", "1", "--chain", "1", ...d()], env);
    assert.equal(chain.code, 1);
    assert.match(chain.stderr, /--chain 1 does not match the RPC endpoint's chain 31337/);
    const file = path.join(t.tmpDir, "verdict.json");
    const other = readFileSync(file, "utf8").replace(
      /"verifyingContract": "0x[0-9a-fA-F]+"/,
      `"verifyingContract": "0x${"12".repeat(20)}"`,
    );
    writeFileSync(file, other);
    const relayed = await run(["relay", file, ...d()], { ...env, ...RELAYER });
    assert.equal(relayed.code, 1);
    assert.match(relayed.stderr, /was signed for registry 0x1212/);
    writeFileSync(file, "{}");
    const broken = await run(["relay", file, ...d()], { ...env, ...RELAYER });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /not a signed Greenprint payload/);
  });
}

export function rpcDown() {
  it("RPC down: exit 3 with the endpoint named", async () => {
    const r = await cli(["model", "show", "1", "--rpc-url", "http://127.0.0.1:9"]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /RPC endpoint http:\/\/127\.0\.0\.1:9 did not answer/);
  });
}
