// The command reference of docs/cli.md, generated from the CLI's command table so the document
// cannot drift from `greenprint --help`. `tsx cli/docs.ts --write` rewrites the part between the
// markers; `--check` exits 1 when the committed file is stale (test/cli/docs.test.ts runs it).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { COMMANDS, EXIT_HELP, GLOBAL_HELP } from "./main";

export const DOC = new URL("../docs/cli.md", import.meta.url);
const BEGIN = "<!-- BEGIN GENERATED: npm run docs:cli -->";
const END = "<!-- END GENERATED -->";

/** The reference in Markdown: one section per command, as `greenprint <command> --help` prints it. */
export function renderReference(): string {
  const sections = COMMANDS.map((c) =>
    [
      `### \`greenprint ${c.name}\``,
      "",
      `${c.summary[0]?.toUpperCase()}${c.summary.slice(1)}.`,
      "",
      "```text",
      `greenprint ${c.name} ${c.usage}`.trimEnd(),
      ...(c.help.length > 0 ? ["", ...c.help] : []),
      "```",
    ].join("\n"),
  );
  return [
    BEGIN,
    "",
    "## Command reference",
    "",
    "Generated from the command table (`cli/main.ts`); every command also accepts the global options.",
    "",
    "```text",
    ...GLOBAL_HELP,
    "",
    ...EXIT_HELP,
    "```",
    "",
    ...sections.flatMap((s) => [s, ""]),
    END,
  ].join("\n");
}

/** The document with its generated part replaced (markers must exist). */
export function updateDoc(text: string): string {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/cli.md lacks the markers ${BEGIN} … ${END}`);
  return `${text.slice(0, a)}${renderReference()}${text.slice(b + END.length)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const current = readFileSync(DOC, "utf8");
  const next = updateDoc(current);
  if (process.argv.includes("--check")) {
    if (next !== current) {
      console.error("docs/cli.md is stale: run npm run docs:cli");
      process.exit(1);
    }
  } else if (process.argv.includes("--write")) {
    writeFileSync(DOC, next);
    console.log(next === current ? "docs/cli.md is current" : "docs/cli.md updated");
  } else {
    console.log(renderReference());
  }
}
