// The "Register model" form's values and their validation, kept apart from React so the
// rules are tested once and the CLI can share them.
import type { ModelMetadata } from "../metadata";

export interface ModelFormValues {
  name: string;
  version: string;
  organization: string;
  task: string;
  architecture: string;
  parameterCount: string;
  trainingTokens: string;
  license: string;
  links: string;
  parentId: string;
}

export const EMPTY_MODEL_FORM: ModelFormValues = {
  name: "",
  version: "",
  organization: "",
  task: "text-generation",
  architecture: "",
  parameterCount: "",
  trainingTokens: "",
  license: "",
  links: "",
  parentId: "",
};

export const TASKS = [
  "text-generation",
  "text2text-generation",
  "translation",
  "image-classification",
  "image-generation",
  "speech-recognition",
  "object-detection",
  "embedding",
  "other",
] as const;

const UINT64_MAX = 2n ** 64n - 1n;

export type ModelFormErrors = Partial<Record<keyof ModelFormValues, string>>;

function wholeNumber(value: string, label: string, { required, max }: { required: boolean; max: bigint }) {
  const trimmed = value.trim().replaceAll("_", "").replaceAll(",", "");
  if (trimmed === "") return required ? `${label} is required.` : undefined;
  if (!/^\d+$/.test(trimmed)) return `${label} must be a whole number of 0 or more (got "${value}").`;
  if (BigInt(trimmed) > max) return `${label} is too large (at most ${max.toLocaleString("en")}).`;
  return undefined;
}

/** Every problem with the form, by field; empty when it can be submitted. */
export function validateModelForm(values: ModelFormValues): ModelFormErrors {
  const errors: ModelFormErrors = {};
  const required: [keyof ModelFormValues, string][] = [
    ["name", "Name"],
    ["version", "Version"],
    ["organization", "Organization"],
    ["task", "Task"],
    ["architecture", "Architecture"],
    ["license", "License"],
  ];
  for (const [field, label] of required) {
    if (values[field].trim() === "") errors[field] = `${label} is required.`;
    else if (values[field].length > 200) errors[field] = `${label} is longer than 200 characters.`;
  }
  const parameters = wholeNumber(values.parameterCount, "Parameter count", {
    required: true,
    max: UINT64_MAX,
  });
  if (parameters) errors.parameterCount = parameters;
  else if (BigInt(values.parameterCount.trim().replaceAll("_", "").replaceAll(",", "")) === 0n) {
    errors.parameterCount = "Parameter count must be greater than 0.";
  }
  const tokens = wholeNumber(values.trainingTokens, "Training tokens", {
    required: false,
    max: BigInt(Number.MAX_SAFE_INTEGER),
  });
  if (tokens) errors.trainingTokens = tokens;
  const parent = wholeNumber(values.parentId, "Parent model id", { required: false, max: UINT64_MAX });
  if (parent) errors.parentId = parent;
  for (const link of splitLinks(values.links)) {
    if (/\s/.test(link)) errors.links = `"${link}" is not a single link or repo id.`;
  }
  return errors;
}

function splitLinks(links: string): string[] {
  return links
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);
}

const digits = (value: string) => value.trim().replaceAll("_", "").replaceAll(",", "");

/** The metadata document and the on-chain arguments for a valid form. */
export function toRegistration(values: ModelFormValues) {
  const parameterCount = BigInt(digits(values.parameterCount));
  const metadata: ModelMetadata = {
    name: values.name.trim(),
    version: values.version.trim(),
    organization: values.organization.trim(),
    task: values.task.trim(),
    architecture: values.architecture.trim(),
    parameterCount: Number(parameterCount),
    license: values.license.trim(),
    links: splitLinks(values.links),
  };
  if (digits(values.trainingTokens) !== "") metadata.trainingTokens = Number(digits(values.trainingTokens));
  return {
    metadata,
    parameterCount,
    parentId: digits(values.parentId) === "" ? 0n : BigInt(digits(values.parentId)),
  };
}
