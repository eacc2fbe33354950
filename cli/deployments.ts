// The deployments the CLI knows without a --deployment file: the repository's deployments/*.json.
// Run from the repository (tsx) they are read from disk; the packed CLI has them inlined at build
// time (packages/build.ts replaces this module), so an installed `greenprint` needs no checkout.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Deployment } from "../lib/deployment";

const DIR = new URL("../deployments/", import.meta.url);

/** Deployments by chain id, read from deployments/<chainId>.json. */
export function knownDeployments(): Record<number, Deployment> {
  const known: Record<number, Deployment> = {};
  if (!existsSync(DIR)) return known;
  for (const file of readdirSync(DIR).filter((f) => /^\d+\.json$/.test(f))) {
    const deployment = JSON.parse(readFileSync(new URL(file, DIR), "utf8")) as Deployment;
    known[deployment.chainId] = deployment;
  }
  return known;
}

/** Where knownDeployments() came from, for `greenprint config`. */
export const DEPLOYMENTS_ORIGIN = "deployments/*.json of the repository";
