// The CLI end to end (test/cli/cli.test.ts): certificates: record a raw serial, confirm, a held serial
// refused, the arbiter revokes.
import assert from "node:assert/strict";
import { it } from "node:test";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { type CliContext, OWNER, VERIFIER } from "./cliContext";
import { cliInProcess as run } from "./run";

export function certificateRecordConfirmRevoke(ctx: CliContext) {
  it("certificate record (raw serial) and confirm; a held serial is refused; the arbiter revokes", async () => {
    const { env, d, modelId } = ctx;
    const args = [
      "certificate",
      "record",
      "--model",
      modelId,
      "--kind",
      "rec",
      "--amount",
      "1455",
      "--registry",
      "I-REC",
      "--serial",
      " x-1  to x-9 ",
      "--uri",
      "https://example.org/x1",
      "--json",
      ...d(),
    ];
    const r = await run(args, { ...env, ...OWNER });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.json, `stdout: ${r.stdout}`);
    const c = await run(["certificate", "confirm", r.json.result.id, ...d()], { ...env, ...VERIFIER });
    assert.equal(c.code, 0, c.stderr);
    const again = await run(args, { ...env, ...OWNER });
    assert.equal(again.code, 4);
    assert.equal(r.json.result.serial, "X-1 TO X-9");
    assert.match(again.stderr, /Certificate serial 0x[0-9a-f]+ is already held by certificate 0x[0-9a-f]+/);
    const notArbiter = await run(["certificate", "revoke", r.json.result.id, ...d()], {
      ...env,
      ...VERIFIER,
    });
    assert.equal(notArbiter.code, 4);
    assert.match(notArbiter.stderr, /lacks the arbiter/);
    const revoked = await run(
      ["certificate", "revoke", r.json.result.id, "--reason", "claimed elsewhere", ...d()],
      { ...env, GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[0] },
    );
    assert.equal(revoked.code, 0, revoked.stderr);
    // the serial is free again: the same certificate is recorded anew, with a new id
    const anew = await run(args, { ...env, ...OWNER });
    assert.equal(anew.code, 0, anew.stderr);
    assert.notEqual(anew.json.result.id, r.json.result.id);
  });
}
