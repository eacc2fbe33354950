#!/usr/bin/env node
// Launcher of the `greenprint` CLI: registers tsx so cli/main.ts runs without a build step.
// The generated contracts module also exports React hooks built with `wagmi/codegen`; the CLI
// never uses them, so that import resolves to a stub exporting the same names (loading wagmi and
// React would double the start-up time).
import { readFileSync } from "node:fs";
import { register as registerHooks } from "node:module";
import { register } from "tsx/esm/api";

register();

const generated = new URL("../lib/generated/contracts.ts", import.meta.url);
let names = [];
try {
  const text = readFileSync(generated, "utf8");
  const m = /import\s*\{([^}]*)\}\s*from\s*['"]wagmi\/codegen['"]/.exec(text);
  names = m
    ? m[1]
        .split(",")
        .map((s) => s.trim())
        .filter((s) => /^[A-Za-z_$][\w$]*$/.test(s))
    : [];
} catch {
  // no generated file yet: the CLI will report it when it imports the module
}
const stub = `const hook = () => () => { throw new Error("React hooks are not available in the CLI"); };\n${names
  .map((n) => `export const ${n} = hook;`)
  .join("\n")}`;
const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "wagmi/codegen") {
    return { url: ${JSON.stringify(`data:text/javascript,${encodeURIComponent(stub)}`)}, shortCircuit: true };
  }
  return next(specifier, context);
}`;
registerHooks(`data:text/javascript,${encodeURIComponent(hooks)}`);

const { main } = await import(new URL("../cli/main.ts", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
