// Whether a public detail page's subject exists, asked before the page renders (proxy.ts): a page
// that calls notFound() while rendering gets Next's empty error shell (or status 200 once streaming
// has started), so the answer must be known before. Indexed things are asked of the indexer,
// transactions of the chain. Any doubt (indexer or chain unreachable, slow) lets the page render
// and say so itself.
import { indexerUrl } from "../indexer/client";
import { ADDRESS, ATTESTATION_ID, type Missing, MODEL_ID, TX_HASH } from "../web/missingDetail";
import { serverRpcUrl } from "./rpcUrl";

const TIMEOUT_MS = 3_000;

/** The route's subject when it is a public detail page: [kind, id]; null for any other path. */
export function detailRoute(pathname: string): [Missing["kind"], string] | null {
  const match = /^\/(models|attestations|address|tx)\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1] || match[2] === undefined) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[2]);
  } catch {
    id = match[2];
  }
  // /models/new is the registration page, a static sibling of /models/[id].
  if (match[1] === "models" && id === "new") return null;
  const kind = ({ models: "model", attestations: "attestation", address: "address", tx: "tx" } as const)[
    match[1] as "models"
  ];
  return [kind, id];
}

/** 404 from the indexer: no such thing. Anything else (200, errors, no answer): let the page decide. */
async function absentFromIndex(path: string): Promise<boolean> {
  try {
    const response = await fetch(`${indexerUrl()}${path}`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: "no-store",
    });
    await response.body?.cancel();
    return response.status === 404;
  } catch {
    return false;
  }
}

/** No receipt for the hash on the app's chain (a pending transaction has none either: the page says "mined"). */
async function absentFromChain(hash: string): Promise<boolean> {
  try {
    const response = await fetch(serverRpcUrl(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getTransactionReceipt", params: [hash] }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: "no-store",
    });
    const body = (await response.json()) as { result?: unknown; error?: unknown };
    return response.ok && body.error === undefined && body.result === null;
  } catch {
    return false;
  }
}

/** What is missing at `pathname`, or null when the page should render (it exists, or nobody knows). */
export async function missingDetail(pathname: string): Promise<Missing | null> {
  const route = detailRoute(pathname);
  if (!route) return null;
  const [kind, id] = route;
  switch (kind) {
    case "model":
      if (!MODEL_ID.test(id)) return { kind, id, malformed: true };
      return (await absentFromIndex(`/api/v1/models/${id}`)) ? { kind, id, malformed: false } : null;
    case "attestation":
      if (!ATTESTATION_ID.test(id)) return { kind, id, malformed: true };
      return (await absentFromIndex(`/api/v1/attestations/${id}`)) ? { kind, id, malformed: false } : null;
    case "address":
      // Every well-formed address is a page (one that did nothing yet says so).
      return ADDRESS.test(id) ? null : { kind, id, malformed: true };
    case "tx":
      if (!TX_HASH.test(id)) return { kind, id, malformed: true };
      return (await absentFromChain(id)) ? { kind, id, malformed: false } : null;
  }
}
