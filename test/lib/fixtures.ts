/** Reads shared test fixtures (../shared/fixtures beside the repository). Node-only test helper. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Absolute path of a file under shared/fixtures. */
export function fixturePath(rel: string): string {
  return fileURLToPath(new URL(`../../../shared/fixtures/${rel}`, import.meta.url));
}

/** UTF-8 text of a file under shared/fixtures. */
export function readFixture(rel: string): string {
  return readFileSync(fixturePath(rel), "utf8");
}
