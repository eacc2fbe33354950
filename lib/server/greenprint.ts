import "server-only";
import { createGreenprintClient, type GreenprintClient } from "../client";
import { currentDeployment, publicClient } from "./chain";

/** The SDK client for server reads (no wallet). */
export async function serverGreenprint(): Promise<GreenprintClient> {
  return createGreenprintClient({ publicClient: publicClient(), deployment: await currentDeployment() });
}
