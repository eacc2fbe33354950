// Pauses (SPEC 5, v1.1): a challenge window does not run while the protocol is paused. The contract
// keeps a pause-free clock; here the stored finalAt stays a timestamp, so that an unpause moves the
// finalAt of every attestation whose window was open when the pause began by the pause's length,
// and the API's finality clock stands still at pausedAt while paused (sync.ts).
import { ponder } from "ponder:registry";
import { attestation, stats } from "ponder:schema";
import { and, eq, gt, sql } from "ponder";
import { Status } from "../../lib/spec";
import { bumpStats, type Ctx, setParameter } from "./store";

const GLOBAL = "global";

ponder.on("AttestationRegistry:PauseSet", async ({ event, context }) => {
  const paused = event.args.paused;
  const row = (await context.db.find(stats, { id: GLOBAL })) as { paused: boolean; pausedAt: bigint } | null;
  const was = row?.paused ?? false;
  await setParameter(context, event, "paused", String(paused));
  await bumpStats(context, event, { paused });
  // pause() while paused and unpause() while running change nothing on chain either
  if (paused && !was) await setPausedAt(context, event.block.timestamp);
  if (!paused && was && row) {
    await extendOpenWindows(context, row.pausedAt, event.block.timestamp - row.pausedAt);
    await setPausedAt(context, 0n);
  }
});

async function setPausedAt(context: Ctx, pausedAt: bigint) {
  await context.db.update(stats, { id: GLOBAL }).set({ pausedAt });
}

/**
 * Verified attestations whose window had not ended when the pause began end `by` seconds later.
 * One SQL update (pauses are rare; the Store API has no multi-row update). Disputed ones keep their
 * remaining window and get their finalAt at dismissal.
 */
async function extendOpenWindows(context: Ctx, pausedAt: bigint, by: bigint) {
  await context.db.sql
    .update(attestation)
    .set({ finalAt: sql`${attestation.finalAt} + ${by}` })
    .where(and(eq(attestation.status, Status.VERIFIED), gt(attestation.finalAt, pausedAt)));
}
