// Builds the installable packages: `tsx packages/build.ts cli|sdk [--pack]`.
// cli: one self-contained ES module (packages/cli/dist/greenprint.js) with viem, yaml, the prompt
//      library and the known deployments inlined, so `npm install <tarball>` needs no registry
//      and no unpublished @greenprint package; start-up is parsing one file, not compiling TS.
// sdk: lib/ as ES modules (viem and yaml stay dependencies) with .d.ts declarations.
// --pack runs `npm pack` in each package folder; the tarballs land in packages/.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, type Metafile, type Plugin } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
const at = (...p: string[]) => path.join(ROOT, ...p);

function ensureGenerated(): void {
  if (existsSync(at("lib", "generated", "contracts.ts"))) return;
  console.log("lib/generated/contracts.ts is missing: running npm run codegen");
  execFileSync("npm", ["run", "codegen"], { cwd: ROOT, stdio: "inherit" });
}

/** Replaces cli/deployments.ts with the deployments/*.json of this checkout, inlined. */
const inlineDeployments: Plugin = {
  name: "inline-deployments",
  setup(b) {
    b.onLoad({ filter: /[\\/]cli[\\/]deployments\.ts$/ }, () => {
      const known: Record<number, unknown> = {};
      for (const file of readdirSync(at("deployments")).filter((f) => /^\d+\.json$/.test(f))) {
        const d = JSON.parse(readFileSync(at("deployments", file), "utf8")) as { chainId: number };
        known[d.chainId] = d;
      }
      return {
        loader: "ts",
        contents: `export function knownDeployments() { return ${JSON.stringify(known)}; }
export const DEPLOYMENTS_ORIGIN = "built into this greenprint";`,
      };
    });
  },
};

/** The licence texts of every package bundled into a file (MIT/ISC/BSD ask for their notices). */
function thirdPartyLicenses(meta: Metafile): string {
  const packages = new Set<string>();
  for (const input of Object.keys(meta.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, "/"));
    if (m?.[1]) packages.add(m[1]);
  }
  const parts: string[] = [];
  for (const name of [...packages].sort()) {
    const dir = at("node_modules", name);
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
      version: string;
      license?: string;
    };
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = file
      ? readFileSync(path.join(dir, file), "utf8").trim()
      : `License: ${pkg.license ?? "see package"}`;
    parts.push(`## ${name}@${pkg.version} (${pkg.license ?? "unknown"})\n\n${text}\n`);
  }
  return `# Third-party software bundled into greenprint.js\n\n${parts.join("\n")}`;
}

async function buildCli(): Promise<void> {
  const dist = at("packages", "cli", "dist");
  rmSync(dist, { recursive: true, force: true });
  const result = await build({
    entryPoints: [at("cli", "entry.ts")],
    outfile: path.join(dist, "greenprint.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    metafile: true,
    legalComments: "none",
    plugins: [inlineDeployments],
    // Some bundled packages are CommonJS and call require(); an ES module has none.
    banner: {
      js: '#!/usr/bin/env node\nimport { createRequire as __gpRequire } from "node:module";\nconst require = __gpRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  chmodSync(path.join(dist, "greenprint.js"), 0o755);
  writeFileSync(path.join(dist, "THIRD_PARTY_LICENSES.md"), thirdPartyLicenses(result.metafile));
  const bytes = readFileSync(path.join(dist, "greenprint.js")).length;
  console.log(`cli: packages/cli/dist/greenprint.js (${(bytes / 1024).toFixed(0)} KiB)`);
}

/** The SDK's public modules: subpath export -> source under lib/. */
export const SDK_ENTRIES: Record<string, string> = {
  ".": "client/index.ts",
  "./client": "client/index.ts",
  "./contracts": "generated/contracts.ts",
  "./deployment": "deployment.ts",
  "./eip712": "eip712.ts",
  "./errors": "errors.ts",
  "./evidence/document": "evidence/document.ts",
  "./evidence/fromCodeCarbon": "evidence/fromCodeCarbon.ts",
  "./evidence/jcs": "evidence/jcs.ts",
  "./evidence/merkle": "evidence/merkle.ts",
  "./formulas": "formulas/index.ts",
  "./humanize": "humanize.ts",
  "./importers/codecarbon": "importers/codecarbon.ts",
  "./importers/modelCard": "importers/modelCard.ts",
  "./metadata": "metadata.ts",
  "./modelCardExport": "modelCardExport.ts",
  "./spec": "spec.ts",
  "./units": "units.ts",
  "./validation": "validation.ts",
};

/** Adds the extension Node's ESM resolution needs to relative specifiers of emitted .d.ts files. */
function fixDeclarationSpecifiers(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      fixDeclarationSpecifiers(file);
      continue;
    }
    if (!entry.name.endsWith(".d.ts")) continue;
    const text = readFileSync(file, "utf8").replace(
      /(from\s+|import\()(["'])(\.{1,2}\/[^"']*)\2/g,
      (all, lead: string, q: string, spec: string) => {
        if (/\.(js|json)$/.test(spec)) return all;
        const base = path.resolve(dir, spec);
        if (existsSync(`${base}.d.ts`)) return `${lead}${q}${spec}.js${q}`;
        if (existsSync(path.join(base, "index.d.ts"))) return `${lead}${q}${spec}/index.js${q}`;
        return all;
      },
    );
    writeFileSync(file, text);
  }
}

/** package.json's exports must list exactly SDK_ENTRIES (one list, checked at every build). */
function checkSdkExports(): void {
  const pkg = JSON.parse(readFileSync(at("packages", "sdk", "package.json"), "utf8")) as {
    exports: Record<string, { types: string; import: string }>;
  };
  const wanted = Object.fromEntries(
    Object.entries(SDK_ENTRIES).map(([k, f]) => {
      const base = `./dist/${f.replace(/\.ts$/, "")}`;
      return [k, { types: `${base}.d.ts`, import: `${base}.js` }];
    }),
  );
  if (JSON.stringify(pkg.exports) !== JSON.stringify(wanted)) {
    throw new Error(`packages/sdk/package.json "exports" must be:\n${JSON.stringify(wanted, null, 2)}`);
  }
}

async function buildSdk(): Promise<void> {
  checkSdkExports();
  const dist = at("packages", "sdk", "dist");
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: [...new Set(Object.values(SDK_ENTRIES))].map((f) => at("lib", f)),
    outbase: at("lib"),
    outdir: dist,
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "neutral",
    mainFields: ["module", "main"],
    format: "esm",
    target: "es2022",
    external: ["viem", "viem/*", "yaml"],
    logLevel: "warning",
  });
  const tsc = at("node_modules", "typescript", "bin", "tsc");
  const options = ["--declaration", "--emitDeclarationOnly", "--strict", "--skipLibCheck"];
  options.push("--target", "ES2022", "--module", "esnext", "--moduleResolution", "bundler");
  options.push("--lib", "dom,ES2022", "--types", "node", "--resolveJsonModule", "--isolatedModules");
  options.push("--rootDir", at("lib"), "--outDir", dist);
  const files = [...new Set(Object.values(SDK_ENTRIES))].map((f) => at("lib", f));
  execFileSync(process.execPath, [tsc, ...options, ...files], { cwd: ROOT, stdio: "inherit" });
  fixDeclarationSpecifiers(dist);
  console.log("sdk: packages/sdk/dist (ES modules + .d.ts)");
}

function pack(name: "cli" | "sdk"): string {
  const dir = at("packages", name);
  const out = execFileSync("npm", ["pack", "--pack-destination", at("packages")], {
    cwd: dir,
    encoding: "utf8",
  });
  const file = out.trim().split("\n").pop() as string;
  console.log(`${name}: packages/${file}`);
  return path.join(at("packages"), file);
}

const args = process.argv.slice(2);
const targets = args.filter((a) => a === "cli" || a === "sdk") as ("cli" | "sdk")[];
if (targets.length === 0) {
  console.error("usage: tsx packages/build.ts cli|sdk [--pack]");
  process.exit(1);
}
mkdirSync(at("packages"), { recursive: true });
ensureGenerated();
for (const t of targets) {
  if (t === "cli") await buildCli();
  else await buildSdk();
  if (args.includes("--pack")) pack(t);
}
