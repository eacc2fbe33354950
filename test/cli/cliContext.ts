// What the CLI end-to-end tests share: the chain, the environment the CLI runs in and what earlier steps made
// (the model, the first attestation). The steps run in order, in one describe of test/cli/cli.test.ts.
import path from "node:path";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import type { TestChain } from "../sdk/chain";

export interface CliContext {
  t: TestChain;
  /** The CLI's environment: RPC URL and evidence directory. */
  env: Record<string, string>;
  /** The leaderboard API stub. */
  apiUrl: string;
  /** `--deployment` of the test chain. */
  d: () => string[];
  /** The model registered by the keystore step. */
  modelId: string;
  /** The attestation submitted from the CodeCarbon file. */
  attestationId: string;
}

export const OWNER = { GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[1] };
export const VERIFIER = { GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[2] };
export const RELAYER = { GREENPRINT_PRIVATE_KEY: ANVIL_KEYS[3] };
export const FIXTURES = path.resolve("..", "shared", "fixtures");
export const CSV = path.join(FIXTURES, "codecarbon", "FNNDSC__pypx-repack-codecarbon-datalad.csv");
