// Output of the CLI: results on stdout (text or --json), progress and warnings on stderr.

/** Where the CLI writes (replaceable so tests can run `main` in-process). */
export const io = {
  out: (s: string): void => {
    process.stdout.write(s);
  },
  err: (s: string): void => {
    process.stderr.write(s);
  },
};

/** Exit codes (documented in docs/cli.md and `greenprint --help`). */
export const EXIT = {
  OK: 0,
  USAGE: 1,
  FILE: 2,
  NETWORK: 3,
  REVERT: 4,
  KEY: 5,
} as const;

/** An error with its exit code; its message is printed as is. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.USAGE);
export const fileError = (message: string) => new CliError(message, EXIT.FILE);
export const keyError = (message: string) => new CliError(message, EXIT.KEY);

/** JSON with bigints as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2);
}

export interface Output {
  json: boolean;
  /** A progress line on stderr (silenced by --quiet). */
  progress(message: string): void;
  warn(message: string): void;
  /** The command's result: `data` as JSON with --json, else the text lines. */
  result(data: unknown, text: string | string[]): void;
}

export function createOutput(options: { json: boolean; quiet: boolean }): Output {
  return {
    json: options.json,
    progress(message) {
      if (!options.quiet) io.err(`› ${message}\n`);
    },
    warn(message) {
      io.err(`warning: ${message}\n`);
    },
    result(data, text) {
      if (options.json) io.out(`${toJson(data)}\n`);
      else io.out(`${(Array.isArray(text) ? text : [text]).join("\n")}\n`);
    },
  };
}

/** A plain text table. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
