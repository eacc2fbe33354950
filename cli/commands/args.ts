// Positional arguments shared by several commands.
import type { Hex } from "viem";
import { bytes32, type Context } from "../context";
import { usageError } from "../output";

/** The attestation or certificate id (bytes32) a command takes as its first argument. */
export function idArg(ctx: Context, command: string): Hex {
  const id = ctx.positionals[0];
  if (!id) throw usageError(`${command} needs an id: greenprint ${command} <id>.`);
  return bytes32(id, "id");
}
