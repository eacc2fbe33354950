// Protocol parameters as indexed: the constructor emits ParameterSet for every one, so the
// parameter table always holds the full set a claim is computed with.
import { db } from "ponder:api";
import { parameter } from "ponder:schema";
import { DEFAULT_PARAMS, type ProtocolParams } from "../../../lib/spec";

/** The current reward parameters (SPEC 6); any not indexed yet keep the SPEC default. */
export async function protocolParams(): Promise<ProtocolParams> {
  const rows = await db.select().from(parameter);
  const value = new Map(rows.map((r) => [r.name, r.value]));
  const num = (name: string, fallback: bigint) => {
    const v = value.get(name);
    return v !== undefined && /^\d+$/.test(v) ? BigInt(v) : fallback;
  };
  return {
    baselineIntensity: num("baselineIntensity", DEFAULT_PARAMS.baselineIntensity),
    methodBps: {
      0: num("methodBps.METER", DEFAULT_PARAMS.methodBps[0]),
      1: num("methodBps.SOFTWARE", DEFAULT_PARAMS.methodBps[1]),
      2: num("methodBps.ESTIMATE", DEFAULT_PARAMS.methodBps[2]),
    },
    verifierBps: num("verifierBps", DEFAULT_PARAMS.verifierBps),
    efficiencyBps: num("efficiencyBps", DEFAULT_PARAMS.efficiencyBps),
    maxRewardPerAttestation: num("maxRewardPerAttestation", DEFAULT_PARAMS.maxRewardPerAttestation),
    challengeWindowSeconds: num("challengeWindow", DEFAULT_PARAMS.challengeWindowSeconds),
  };
}
