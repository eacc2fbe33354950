// docs/cli.md's command reference is generated from the command table: the committed file must be
// what `npm run docs:cli` writes, so a new command or option cannot go undocumented.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { DOC, renderReference, updateDoc } from "../../cli/docs";
import { COMMANDS } from "../../cli/main";

it("docs/cli.md's command reference is current (npm run docs:cli)", () => {
  const text = readFileSync(DOC, "utf8");
  assert.equal(updateDoc(text), text, "docs/cli.md is stale: run npm run docs:cli");
  for (const c of COMMANDS) assert.ok(renderReference().includes(`### \`greenprint ${c.name}\``), c.name);
});
