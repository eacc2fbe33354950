import { readFileSync } from "node:fs";
import { type ModelMetadata, metadataBytes, metadataHash } from "../../lib/metadata";
import { LocalDiskEvidenceStore } from "../../lib/store/evidenceStore";
import { resolveSettings } from "../config";
import { str, uint } from "../context";
import { HttpEvidenceStore } from "../evidenceUpload";
import { fileError, usageError } from "../output";
import { modelIdArg } from "./args";
import type { Command } from "./types";

export const STORE_OPTIONS = {
  "evidence-dir": { type: "string" },
  "evidence-base-url": { type: "string" },
  upload: { type: "boolean" },
} as const;

export const STORE_HELP = [
  "--evidence-dir DIR        content-addressed store to write documents to (env GREENPRINT_EVIDENCE_DIR",
  "                          or EVIDENCE_DIR; default .data/evidence, the folder the web app serves)",
  "--evidence-base-url URL   public base of that store (env GREENPRINT_EVIDENCE_URL; default",
  "                          <app-url>/api/evidence)",
  "--upload                  POST the documents to that URL (the running app's store) instead of",
  "                          writing them to --evidence-dir",
];

export function storeOf(values: Record<string, unknown>) {
  const settings = resolveSettings(values);
  const dir = settings.evidenceDir.value as string;
  const base = settings.evidenceUrl.value as string;
  const upload = values.upload === true;
  return {
    store: upload ? new HttpEvidenceStore(base) : new LocalDiskEvidenceStore(dir),
    /** Where documents go, for progress lines. */
    where: upload ? `the evidence store at ${base}` : dir,
    uriOf: (sha: string) => `${base}/${sha}`,
  };
}

function metadataFrom(values: Record<string, unknown>): ModelMetadata {
  const file = values.metadata as string | undefined;
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw fileError(`Metadata file ${file} cannot be read.`);
    }
    try {
      const m = JSON.parse(text) as ModelMetadata;
      if (typeof m !== "object" || m === null || typeof m.name !== "string") {
        throw fileError(`Metadata file ${file} has no "name" (SPEC 3 metadata JSON expected).`);
      }
      return m;
    } catch (error) {
      if (error instanceof SyntaxError)
        throw fileError(`Metadata file ${file} is not valid JSON: ${error.message}.`);
      throw error;
    }
  }
  const name = values.name as string | undefined;
  if (!name) throw usageError("Give --metadata FILE or at least --name (and --params).");
  const params = values.params as string | undefined;
  if (!params) throw usageError("--params is required with --name: the model's parameter count.");
  return {
    name,
    version: (values.version as string | undefined) ?? "",
    organization: (values.organization as string | undefined) ?? "",
    task: (values.task as string | undefined) ?? "",
    architecture: (values.architecture as string | undefined) ?? "",
    parameterCount: Number(uint(params, "--params")),
    license: (values.license as string | undefined) ?? "",
    links: (values.link as string[] | undefined) ?? [],
  };
}

export const modelRegister: Command = {
  name: "model register",
  summary: "register a model (mints its GPM token to you)",
  usage: "(--metadata FILE | --name NAME --params N [...]) [--parent ID] [--metadata-uri URI]",
  help: [
    "--metadata FILE           SPEC 3 metadata JSON (name, version, organization, task, architecture,",
    "                          parameterCount, license, links)",
    "--name, --version, --organization, --task, --architecture, --license, --link URL (repeatable)",
    "                          build the metadata from flags instead",
    "--params N                parameter count (default: the metadata's parameterCount)",
    "--parent ID               base model of a fine-tune or previous version (default 0, none)",
    "--metadata-uri URI        where the metadata is published (default: the evidence store URL)",
    ...STORE_HELP,
  ],
  options: {
    metadata: { type: "string" },
    name: { type: "string" },
    version: { type: "string" },
    organization: { type: "string" },
    task: { type: "string" },
    architecture: { type: "string" },
    license: { type: "string" },
    link: { type: "string", multiple: true },
    params: { type: "string" },
    parent: { type: "string" },
    "metadata-uri": { type: "string" },
    ...STORE_OPTIONS,
  },
  async run(ctx) {
    const v = ctx.values;
    const metadata = metadataFrom(v);
    const parameterCount =
      str(v, "params") !== undefined
        ? uint(str(v, "params") as string, "--params")
        : BigInt(metadata.parameterCount ?? 0);
    const bytes = metadataBytes(metadata);
    const hash = metadataHash(metadata);
    const { store, uriOf } = storeOf(v);
    let uri = str(v, "metadata-uri");
    if (!uri) {
      const sha = hash.slice(2);
      if (!ctx.dryRun) {
        ctx.out.progress(`storing the metadata in ${storeOf(v).where}`);
        await store.put(bytes);
      }
      uri = uriOf(sha);
    }
    const gp = await ctx.client({ signer: true });
    await ctx.send(
      `Model "${metadata.name}" registered`,
      gp.registerModel,
      {
        metadataURI: uri,
        metadataHash: hash,
        parentId: uint(str(v, "parent") ?? "0", "--parent"),
        parameterCount,
      },
      (r) => [`model id ${r.modelId}`, `metadata ${uri} (sha256 ${hash})`],
    );
  },
};

export const modelSeal: Command = {
  name: "model seal",
  summary: "seal a model's training: no PRETRAINING attestation can be added afterwards",
  usage: "<modelId>",
  help: [],
  options: {},
  async run(ctx) {
    const modelId = modelIdArg(ctx, "model seal");
    const gp = await ctx.client({ signer: true });
    await ctx.send(`Model ${modelId} sealed`, gp.sealTraining, { modelId }, () => []);
  },
};

export const modelShow: Command = {
  name: "model show",
  summary: "show a model's on-chain record",
  usage: "<modelId>",
  help: [],
  options: {},
  async run(ctx) {
    const modelId = modelIdArg(ctx, "model show");
    const gp = await ctx.client();
    const m = await gp.getModel(modelId);
    ctx.out.result(m, [
      `model ${m.modelId}`,
      `  owner           ${m.owner}`,
      `  parent          ${m.parentId === 0n ? "none" : m.parentId}`,
      `  parameters      ${m.parameterCount}`,
      `  training sealed ${m.trainingSealed ? "yes" : "no"}`,
      `  metadata hash   ${m.metadataHash}`,
    ]);
  },
};
