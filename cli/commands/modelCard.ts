// `greenprint model-card --model ID`: the Hugging Face `co2_eq_emissions` block and the README
// badge of a model, from its attestations on chain (hardware from their evidence documents).
import { type Hex, sha256 } from "viem";
import type { GreenprintClient } from "../../lib/client";
import { formatKgCO2e } from "../../lib/humanize";
import { buildModelCardExport, type CardAttestation, hardwarePhrase } from "../../lib/modelCardExport";
import { requireStr, uint } from "../context";
import { CliError, EXIT, usageError } from "../output";
import { regionOf } from "./summary";
import type { Command } from "./types";

/** The hardware an evidence document lists, if it can be fetched and matches its on-chain hash. */
async function evidenceHardware(uri: string, hash: Hex): Promise<string[] | null> {
  if (!/^https?:\/\//.test(uri)) return null;
  try {
    const response = await fetch(uri, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (sha256(bytes).toLowerCase() !== hash.toLowerCase()) return null;
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as {
      hardware?: { model?: unknown; count?: unknown }[];
    };
    return (doc.hardware ?? [])
      .filter((h) => typeof h.model === "string" && h.model !== "")
      .map((h) => hardwarePhrase({ model: h.model as string, count: Number(h.count) || undefined }));
  } catch {
    return null;
  }
}

async function cardAttestations(gp: GreenprintClient, modelId: bigint) {
  const submitted = await gp.listSubmittedAttestations({ modelId });
  let unreadable = 0;
  const attestations: CardAttestation[] = await Promise.all(
    submitted.map(async (s) => {
      const [state, hardware] = await Promise.all([
        gp.getAttestation(s.id),
        evidenceHardware(s.attestation.evidenceURI, s.attestation.evidenceHash),
      ]);
      if (hardware === null) unreadable++;
      return {
        kind: state.kind,
        status: state.status,
        method: s.attestation.method,
        totalG: s.totalG,
        region: regionOf(s.attestation.region),
        hardware: hardware ?? [],
      };
    }),
  );
  return { attestations, unreadable };
}

export const modelCard: Command = {
  name: "model-card",
  summary: "the Hugging Face co2_eq_emissions YAML and the README badge of a model",
  usage: "--model ID [--app-url URL]",
  help: [
    "--model ID                the model",
    "Emissions are the grams CO2e of its Submitted, Verified and Final PRETRAINING and FINETUNING",
    "attestations; hardware comes from their evidence documents. URLs are absolute: set the app's",
    "public address with --app-url, GREENPRINT_APP_URL or PUBLIC_APP_URL (greenprint config).",
  ],
  options: { model: { type: "string" } },
  async run(ctx) {
    const modelId = uint(requireStr(ctx.values, "model", "the id of the model"), "--model");
    if (modelId === 0n) throw usageError("--model must be a model id (ids start at 1).");
    const gp = await ctx.client();
    ctx.out.progress(`reading model ${modelId} and its attestations`);
    try {
      await gp.getModel(modelId);
    } catch {
      throw new CliError(`There is no model ${modelId} on chain ${gp.chainId}.`, EXIT.USAGE);
    }
    const { attestations, unreadable } = await cardAttestations(gp, modelId);
    if (unreadable > 0) {
      ctx.out.warn(
        `${unreadable} evidence document${unreadable === 1 ? "" : "s"} could not be fetched or did not match the on-chain hash: their hardware is not listed`,
      );
    }
    let card: ReturnType<typeof buildModelCardExport>;
    try {
      card = buildModelCardExport({
        modelId,
        appUrl: ctx.settings.appUrl.value as string,
        apiUrl: ctx.settings.apiUrl.value,
        attestations,
      });
    } catch (error) {
      throw usageError(`${(error as Error).message} (${ctx.settings.appUrl.source}).`);
    }
    if (card.counted === 0) {
      ctx.out.warn(
        `model ${modelId} has no Submitted, Verified or Final training attestation: emissions are 0`,
      );
    }
    ctx.out.result(
      {
        modelId,
        yaml: card.yaml,
        badgeMarkdown: card.badgeMarkdown,
        modelUrl: card.modelUrl,
        badgeUrl: card.badgeUrl,
        emissionsG: card.emissionsG,
        attestations: card.counted,
      },
      [
        `# Model card front matter (README.md of the model on Hugging Face), ${formatKgCO2e(card.emissionsG)}:`,
        card.yaml,
        "",
        "# README badge:",
        card.badgeMarkdown,
      ],
    );
  },
};
