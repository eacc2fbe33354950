import type { ParseArgsConfig } from "node:util";
import type { Context } from "../context";

/** A CLI command: its words, help and options, and what it does. */
export interface Command {
  /** e.g. "model register". */
  name: string;
  summary: string;
  /** Usage line after `greenprint <name>`. */
  usage: string;
  /** Lines describing the command's own options. */
  help: string[];
  options: NonNullable<ParseArgsConfig["options"]>;
  run(ctx: Context): Promise<void>;
}
