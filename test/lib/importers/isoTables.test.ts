// lib/importers/isoTables.ts is generated: the committed file must be exactly what its generator
// makes from Debian's iso-codes package (.ci/run installs it), so hand edits cannot drift from it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { formatted } from "../../../script/gen/isoTables";

test("isoTables.ts is what script/gen/isoTables.ts generates from iso-codes", () => {
  const committed = readFileSync(
    path.join(import.meta.dirname, "../../../lib/importers/isoTables.ts"),
    "utf8",
  );
  expect(
    committed === formatted(),
    "lib/importers/isoTables.ts is stale or hand-edited: run tsx script/gen/isoTables.ts",
  ).toBe(true);
});
