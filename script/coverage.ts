// Contract coverage gate: `forge coverage` over contracts/ must show 100% of lines and at
// least 95% of branches (issue 3). Prints forge's summary, then the verdict. Extra arguments go to
// forge (the self-check runs the gate on a project of its own with `--root DIR`).
import { foundryBin } from "./lib/foundry";
import { run } from "./lib/processes";

const MIN_LINES = 100;
const MIN_BRANCHES = 95;

const output = await run(
  foundryBin("forge"),
  ["coverage", "--report", "summary", "--no-match-coverage", "(test|script)/", ...process.argv.slice(2)],
  {
    // Coverage re-runs the suite uninstrumented by the optimizer; the default profile's fuzz
    // settings keep it quick (the ci profile's 10,000 runs already ran in the test step).
    env: { FOUNDRY_PROFILE: "default" },
  },
).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
console.log(
  output
    .split("\n")
    .filter((line) => line.startsWith("|") || line.startsWith("╭") || line.startsWith("╰"))
    .join("\n"),
);
const total = output.split("\n").find((line) => /^\|\s*Total\s*\|/.test(line));
const percents = [...(total ?? "").matchAll(/([\d.]+)%/g)].map((m) => Number(m[1]));
const [lines, , branches] = percents;
if (lines === undefined || branches === undefined) {
  console.error("coverage: no Total row in forge's summary");
  process.exit(1);
}
const ok = lines >= MIN_LINES && branches >= MIN_BRANCHES;
console.log(
  `coverage: lines ${lines}% (need ${MIN_LINES}%), branches ${branches}% (need ${MIN_BRANCHES}%): ${ok ? "ok" : "TOO LOW"}`,
);
process.exit(ok ? 0 : 1);
