import type { Metadata } from "next";
import { formatEther } from "viem";
import { AdminPanel } from "@/components/admin/AdminPanel";
import { CertificateQueue } from "@/components/certificates/CertificateQueue";
import { serverGreenprint } from "@/lib/server/greenprint";

export const metadata: Metadata = { title: "Governance" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const client = await serverGreenprint();
  const [p, paused] = await Promise.all([client.getParams(), client.paused()]);
  const params = {
    challengeWindow: Number(p.challengeWindow),
    disputeBondEth: formatEther(BigInt(p.disputeBond)),
    baselineIntensity: Number(p.baselineIntensity),
    methodBps: [Number(p.methodBps[0]), Number(p.methodBps[1]), Number(p.methodBps[2])] as [
      number,
      number,
      number,
    ],
    verifierBps: Number(p.verifierBps),
    efficiencyBps: Number(p.efficiencyBps),
    maxRewardLeaf: formatEther(BigInt(p.maxRewardPerAttestation)),
    treasury: p.treasury,
    paused,
  };
  const rows: [string, string][] = [
    ["Challenge window", `${params.challengeWindow} s`],
    ["Dispute bond", `${params.disputeBondEth} (native)`],
    ["Baseline intensity", `${params.baselineIntensity} gCO2e/kWh`],
    [
      "Method weights",
      `METER ${params.methodBps[0]} · SOFTWARE ${params.methodBps[1]} · ESTIMATE ${params.methodBps[2]} bps`,
    ],
    ["Verifier share", `${params.verifierBps} bps`],
    ["Efficiency bonus share", `${params.efficiencyBps} bps`],
    ["Cap per attestation", `${params.maxRewardLeaf} LEAF`],
    ["Treasury", params.treasury],
    ["State", paused ? "paused" : "running"],
  ];
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Governance</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Role-gated: the admin (a multisig or timelock in production) accredits and suspends verifiers and
          sets parameters within the contracts' bounds; the pauser can stop every state-changing entry point.
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-neutral-600 dark:text-neutral-400">{k}</dt>
            <dd className="font-mono">{v}</dd>
          </div>
        ))}
      </dl>
      <AdminPanel params={params} />
      <section aria-labelledby="revoke-certificates" className="space-y-3">
        <h2 id="revoke-certificates" className="text-xl font-semibold">
          Confirmed certificates (arbiter)
        </h2>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          The arbiter revokes a confirmed certificate proven double-claimed elsewhere: it stops counting in
          the market-based net and its serial is free again.
        </p>
        <CertificateQueue action="revoke" />
      </section>
    </section>
  );
}
