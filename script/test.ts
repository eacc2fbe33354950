// `npm test`: every check a change must pass, in order, each printing its own summary.
// All steps run even when one fails, so one CI run shows every problem; exits non-zero if any failed.
// The steps are in script/lib/steps.ts; the first, script/selfcheck.ts, proves each can fail.
import { runStep, steps } from "./lib/steps";

const only = process.argv.slice(2);
const failed: string[] = [];
let passed = 0;
const started = Date.now();
for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.name.includes(o))) continue;
  console.log(`\n=== ${step.name}`);
  const stepStarted = Date.now();
  const { ok } = await runStep(step);
  console.log(
    `=== ${step.name}: ${ok ? "ok" : "FAILED"} (${((Date.now() - stepStarted) / 1000).toFixed(0)} s)`,
  );
  if (ok) passed++;
  else failed.push(step.name);
}
console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (failed.length > 0) console.log(`failed steps: ${failed.join(", ")}`);
console.log(`steps: ${passed} passed, ${failed.length} failed`);
process.exit(failed.length > 0 ? 1 : 0);
