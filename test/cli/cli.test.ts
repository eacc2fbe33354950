// Every CLI command end to end against a real anvil: spawned as `node bin/greenprint.js`,
// keys from the environment or a keystore, exit codes, JSON output, nothing sent on errors.
// One chain for all: each step builds on what the earlier ones made, so they run in this order; the
// steps are in the cli*.ts files beside this one, one concern each.
import { createServer, type Server } from "node:http";
import path from "node:path";
import { after, before, describe } from "node:test";
import { startTestChain } from "../sdk/chain";
import { adminParametersPauseAccredit } from "./cliAdmin";
import { attestEvidenceOut, attestFromCodeCarbon, attestInHumanUnits } from "./cliAttest";
import { certificateRecordConfirmRevoke } from "./cliCertificates";
import type { CliContext } from "./cliContext";
import { helpAndKeyFlags, leaderboard, rpcDown, wrongChainOrRegistry } from "./cliEnvironment";
import { bonusTallyAndApprove, keystoreAndModelRegister, modelSeal } from "./cliModels";
import {
  invalidateUnreviewed,
  signOnlyRelayAndReject,
  verifySignVerdictAndClaim,
  withdrawDisputeCancelNonce,
} from "./cliReview";

describe("greenprint CLI on anvil", { timeout: 180_000 }, () => {
  let server: Server;
  const ctx = {} as CliContext;
  before(async () => {
    const t = await startTestChain();
    ctx.t = t;
    ctx.d = () => ["--deployment", t.deploymentPath];
    await t.admin.accreditVerifier({ account: t.addr.verifier, name: "CLI verifier" });
    ctx.env = {
      GREENPRINT_RPC_URL: t.rpcUrl,
      EVIDENCE_DIR: path.join(t.tmpDir, "evidence"),
    };
    server = createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          rows: [
            {
              rank: 1,
              modelId: "1",
              name: "Tiny",
              energyWh: "1455000",
              totalG: "542000",
              intensity: "373",
              grade: "D",
              renewableBps: "0",
              trust: { level: "SOFTWARE", methods: {}, verifiers: [] },
              leafEarnedWei: "118000000000000000",
            },
          ],
          total: 1,
          query: req.url,
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const address = server.address();
    ctx.apiUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/v1`;
  });
  after(async () => {
    server?.close();
    await ctx.t?.stop();
  });

  helpAndKeyFlags();
  keystoreAndModelRegister(ctx);
  attestFromCodeCarbon(ctx);
  verifySignVerdictAndClaim(ctx);
  attestInHumanUnits(ctx);
  signOnlyRelayAndReject(ctx);
  certificateRecordConfirmRevoke(ctx);
  withdrawDisputeCancelNonce(ctx);
  invalidateUnreviewed(ctx);
  bonusTallyAndApprove(ctx);
  modelSeal(ctx);
  leaderboard(ctx);
  wrongChainOrRegistry(ctx);
  adminParametersPauseAccredit(ctx);
  rpcDown();
  attestEvidenceOut(ctx);
});
