// The CLI end to end (test/cli/cli.test.ts): admin commands: parameters within bounds, pause and unpause,
// accreditation.
import assert from "node:assert/strict";
import { it } from "node:test";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { type CliContext, OWNER } from "./cliContext";
import { cliInProcess as run } from "./run";

export function adminParametersPauseAccredit(ctx: CliContext) {
  it("admin: set a parameter (bounds explained), pause and unpause, accredit", async () => {
    const { t, env, d } = ctx;
    const ADMIN = { GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[0] };
    const low = await run(["admin", "set", "challenge-window", "1", ...d()], { ...env, ...ADMIN });
    assert.equal(low.code, 4);
    assert.match(low.stderr, /Parameter challengeWindow cannot be set to 1/);
    assert.equal(
      (await run(["admin", "set", "baseline-intensity", "500", ...d()], { ...env, ...ADMIN })).code,
      0,
    );
    assert.equal((await t.admin.getParams()).baselineIntensity, 500);
    assert.equal(
      (await run(["admin", "set", "baseline-intensity", "475", ...d()], { ...env, ...ADMIN })).code,
      0,
    );
    const notAdmin = await run(["admin", "pause", ...d()], { ...env, ...OWNER });
    assert.equal(notAdmin.code, 4);
    assert.match(notAdmin.stderr, /lacks the pauser \(PAUSER_ROLE\) role/);
    assert.equal((await run(["admin", "pause", ...d()], { ...env, ...ADMIN })).code, 0);
    const paused = await run(["model", "register", "--name", "P", "--params", "1", ...d()], {
      ...env,
      ...OWNER,
    });
    assert.equal(paused.code, 4);
    assert.match(paused.stderr, /paused/);
    assert.equal((await run(["admin", "unpause", ...d()], { ...env, ...ADMIN })).code, 0);
    const again = await run(["admin", "accredit", t.addr.verifier, "--name", "Renamed", "--json", ...d()], {
      ...env,
      ...ADMIN,
    });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.json.events[0].args.name, "Renamed");
    // Issuing registries (SPEC 8, v1.1): governance accepts a label, then withdraws it.
    assert.equal(await t.owner.isIssuer("EKOenergy"), false);
    const notAdminIssuer = await run(["admin", "issuer", "EKOenergy", ...d()], { ...env, ...OWNER });
    assert.equal(notAdminIssuer.code, 4);
    assert.match(notAdminIssuer.stderr, /lacks the admin \(DEFAULT_ADMIN_ROLE\) role/);
    const accept = await run(["admin", "issuer", "EKOenergy", ...d()], { ...env, ...ADMIN });
    assert.equal(accept.code, 0, accept.stderr);
    assert.match(accept.stdout, /Issuing registry "EKOenergy" accepted/);
    assert.equal(await t.owner.isIssuer("EKOenergy"), true);
    const withdraw = await run(["admin", "issuer", "EKOenergy", "--withdraw", ...d()], { ...env, ...ADMIN });
    assert.equal(withdraw.code, 0, withdraw.stderr);
    assert.equal(await t.owner.isIssuer("EKOenergy"), false);
  });
}
