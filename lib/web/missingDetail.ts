// A public detail page's subject that does not exist (or whose id is malformed), and the words the
// 404 page says about it. Decided by proxy.ts before rendering starts, shown by app/not-found.tsx.

export type MissingKind = "model" | "attestation" | "address" | "tx";

export interface Missing {
  kind: MissingKind;
  /** The id as the visitor wrote it (shown escaped, never interpreted). */
  id: string;
  malformed: boolean;
}

/** The request header proxy.ts passes to the not-found page. */
export const MISSING_HEADER = "x-greenprint-missing";

export const MODEL_ID = /^[1-9]\d{0,19}$/;
export const ATTESTATION_ID = /^0x[0-9a-fA-F]{64}$/;
export const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
export const TX_HASH = /^0x[0-9a-fA-F]{64}$/;

const KINDS: MissingKind[] = ["model", "attestation", "address", "tx"];

/** The header's value back as a Missing; null when absent or not one of ours. */
export function parseMissing(value: string | null): Missing | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Missing>;
    if (!KINDS.includes(parsed.kind as MissingKind) || typeof parsed.id !== "string") return null;
    return {
      kind: parsed.kind as MissingKind,
      id: parsed.id.slice(0, 200),
      malformed: parsed.malformed === true,
    };
  } catch {
    return null;
  }
}

export interface MissingText {
  /** The page's data-testid (the names the explorer pages used when they rendered these in place). */
  testId: string;
  heading: string;
  sentence: string;
  link: { href: string; label: string };
}

const MODELS = { href: "/models", label: "Every registered model" };
const HOME = { href: "/", label: "The registry's home page" };

/** What the 404 page says; `chain` names the chain for transactions ("Local anvil (chain 31337)"). */
export function missingText(m: Missing | null, chain: string): MissingText {
  if (m === null)
    return {
      testId: "not-found",
      heading: "Page not found",
      sentence:
        "There is no page at this address. The registry's models, attestations and verifiers are linked below.",
      link: HOME,
    };
  const recent = "refresh in a moment.";
  switch (m.kind) {
    case "model":
      return {
        testId: "model-not-found",
        heading: "No such model",
        sentence: m.malformed
          ? `“${m.id}” is not a model id: model ids are whole numbers from 1, as printed by greenprint register.`
          : `The registry has no model #${m.id}. A model registered in the last few seconds shows here once the index has its block: ${recent}`,
        link: MODELS,
      };
    case "attestation":
      return {
        testId: "attestation-not-found",
        heading: "No such attestation",
        sentence: m.malformed
          ? `“${m.id}” is not an attestation id: 0x followed by 64 hexadecimal digits, as printed by greenprint attest.`
          : `The registry has no attestation ${m.id}. An attestation id is 0x followed by 64 hexadecimal digits, as printed by greenprint attest; one submitted in the last few seconds shows here once the index has its block: ${recent}`,
        link: MODELS,
      };
    case "address":
      return {
        testId: "bad-address",
        heading: "Not an address",
        sentence: `“${m.id}” is not an account address. An address is 0x followed by 40 hexadecimal digits, e.g. 0x70997970C51812dc3A010C7d01b50e0d17dc79C8.`,
        link: MODELS,
      };
    case "tx":
      return m.malformed
        ? {
            testId: "tx-not-found",
            heading: "Not a transaction hash",
            sentence: `“${m.id}” is not a transaction hash: 0x followed by 64 hexadecimal digits.`,
            link: HOME,
          }
        : {
            testId: "tx-not-found",
            heading: "No such transaction",
            sentence: `${chain} has no mined transaction ${m.id}.`,
            link: HOME,
          };
  }
}
