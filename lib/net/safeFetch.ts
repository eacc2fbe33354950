// Fetching a URL someone else chose (an attestation's evidenceURI, a model's metadataURI) without
// letting the server be used as a proxy into private networks (SSRF): the host is resolved and
// every address it resolves to must be public unicast (./addressPolicy); the connection goes to
// the very address that was checked (no second lookup a rebinding DNS server could answer
// differently); redirects are followed by hand, a few at most, each hop checked the same way;
// size and time are bounded.
import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { refusedAddress } from "./addressPolicy";

export interface SafeFetchOptions {
  /** What is being fetched, for the sentences ("evidence", "metadata"). */
  what: string;
  maxBytes: number;
  /** For the whole exchange, redirects included. */
  timeoutMs: number;
  /** Schemes allowed for public hosts (default https only). */
  schemes?: Array<"https:" | "http:">;
  maxRedirects?: number;
  /**
   * Origins fetched even though they are plain http or resolve to private addresses (a dev or
   * test stack's own app). Default: FETCH_ALLOW_ORIGINS, a comma-separated list, empty unless set.
   */
  allowOrigins?: string[];
}

export type SafeFetchResult =
  | { ok: true; bytes: Uint8Array; url: string }
  | { ok: false; reason: string; refused: boolean };

const DEFAULT_REDIRECTS = 3;

/** FETCH_ALLOW_ORIGINS as normalised origins (a dev/test-only allowance; empty by default). */
export function allowedOriginsFromEnv(env: Record<string, string | undefined> = process.env): string[] {
  return (env.FETCH_ALLOW_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      try {
        return new URL(s).origin;
      } catch {
        return s;
      }
    });
}

class Refused extends Error {}

/** A lookup that answers only with checked public addresses (all of them must be public). */
function checkedLookup(what: string, host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      for (const { address } of addresses) {
        const refused = refusedAddress(address);
        if (refused)
          return callback(
            new Refused(`The ${what} host ${host} resolves to ${address}, ${refused}; not fetched`),
            "",
            0,
          );
      }
      if (options.all)
        return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${host} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

type Hop = { status: number; location: string | null; bytes: Uint8Array | null };

/** One request, no redirect following; the body is read only for a 2xx answer, up to maxBytes. */
function requestOnce(
  url: URL,
  options: SafeFetchOptions,
  allowed: boolean,
  signal: AbortSignal,
): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.get(
      url,
      {
        signal,
        // The allow-listed dev origin may be localhost: resolved as usual. Everyone else: checked.
        lookup: allowed ? undefined : checkedLookup(options.what, url.hostname),
        headers: { accept: "application/json, */*;q=0.5", "user-agent": "greenprint-fetch" },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          response.resume();
          resolve({ status, location: response.headers.location ?? null, bytes: null });
          return;
        }
        const declared = Number(response.headers["content-length"] ?? 0);
        if (declared > options.maxBytes) {
          response.destroy();
          reject(new Error(`it is ${declared} bytes, more than the ${options.maxBytes} read here`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            response.destroy();
            reject(new Error(`it is larger than the ${options.maxBytes} bytes read here`));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () =>
          resolve({ status, location: null, bytes: new Uint8Array(Buffer.concat(chunks)) }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}

/** Why `url` may not be requested at all (scheme, literal address), or null. */
function refusedUrl(url: URL, options: SafeFetchOptions, allowed: boolean): string | null {
  if (allowed) return null;
  const schemes = options.schemes ?? ["https:"];
  if (!schemes.includes(url.protocol as "https:"))
    return `The ${options.what} URI ${url.href} is not ${schemes.map((s) => s.slice(0, -1)).join(" or ")}; not fetched`;
  if (url.username || url.password)
    return `The ${options.what} URI ${url.href} carries credentials; not fetched`;
  // An address written in the URL is never looked up, so it is checked here.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (/^[\d.]+$/.test(host) || host.includes(":")) {
    const refused = refusedAddress(host);
    if (refused) return `The ${options.what} host ${host} is ${refused}; not fetched`;
  }
  return null;
}

/** GET `input` under the rules above; never throws, the reason is a sentence for the page. */
export async function safeFetch(input: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const allowOrigins = options.allowOrigins ?? allowedOriginsFromEnv();
  const maxRedirects = options.maxRedirects ?? DEFAULT_REDIRECTS;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return {
      ok: false,
      refused: true,
      reason: `The ${options.what} URI ${input} is not a URL; not fetched.`,
    };
  }
  for (let hop = 0; ; hop++) {
    const allowed = allowOrigins.includes(url.origin);
    const via = hop > 0 ? ` (${input} redirected there)` : "";
    const refused = refusedUrl(url, options, allowed);
    if (refused) return { ok: false, refused: true, reason: `${refused}${via}.` };
    let answer: Hop;
    try {
      answer = await requestOnce(url, options, allowed, signal);
    } catch (error) {
      if (error instanceof Refused) return { ok: false, refused: true, reason: `${error.message}${via}.` };
      const message = signal.aborted
        ? `no answer within ${options.timeoutMs / 1000} s`
        : (error as Error).message || String(error);
      return { ok: false, refused: false, reason: `Could not download ${url.href}: ${message}.` };
    }
    if (answer.bytes) return { ok: true, bytes: answer.bytes, url: url.href };
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      if (hop >= maxRedirects)
        return {
          ok: false,
          refused: true,
          reason: `${input} redirects more than ${maxRedirects} times; not fetched.`,
        };
      try {
        url = new URL(answer.location, url);
      } catch {
        return { ok: false, refused: true, reason: `${url.href} redirects to an invalid URL; not fetched.` };
      }
      continue;
    }
    return { ok: false, refused: false, reason: `${url.href} answered HTTP ${answer.status}.` };
  }
}
