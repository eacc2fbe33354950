// Positional arguments shared by several commands.
import { type Hex, sha256, stringToBytes } from "viem";
import { bytes32, type Context, str, uint } from "../context";
import { usageError } from "../output";

/** The attestation or certificate id (bytes32) a command takes as its first argument. */
export function idArg(ctx: Context, command: string): Hex {
  const id = ctx.positionals[0];
  if (!id) throw usageError(`${command} needs an id: greenprint ${command} <id>.`);
  return bytes32(id, "id");
}

/** The model id a command takes as its first argument. */
export function modelIdArg(ctx: Context, command: string): bigint {
  const id = ctx.positionals[0];
  if (!id) throw usageError(`${command} needs a model id: greenprint ${command} <modelId>.`);
  return uint(id, "modelId");
}

/** The SHA-256 of a free-text flag (a reason, a ruling): the chain records the hash, not the text. */
export function textHashFlag(ctx: Context, flag: string): Hex | undefined {
  const text = str(ctx.values, flag);
  return text ? sha256(stringToBytes(text)) : undefined;
}
