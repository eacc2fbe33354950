import type { Metadata } from "next";
import Link from "next/link";
import { formatEther, type Hex } from "viem";
import { AddressLink } from "@/components/explorer/AddressLink";
import type { DecodedEvent } from "@/lib/client/types";
import { formatUtc } from "@/lib/humanize";
import { publicClient } from "@/lib/server/chain";
import { serverGreenprint } from "@/lib/server/greenprint";
import { chainSettings } from "@/lib/server/settings";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ hash: string }> };

const HASH = /^0x[0-9a-fA-F]{64}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { hash } = await params;
  return { title: `Transaction ${hash.slice(0, 10)}…` };
}

/** An event argument as text: integers in full, structs as JSON (bigints as decimal strings). */
function argText(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return value;
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

/** An argument linked to its page where there is one: accounts, attestations, models. */
function Arg({ name, value, contract }: { name: string; value: unknown; contract: string }) {
  const text = argText(value);
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) return <AddressLink address={text.toLowerCase()} />;
  if (
    /^0x[0-9a-fA-F]{64}$/.test(text) &&
    contract === "AttestationRegistry" &&
    /^(id|supersedes|supersededBy)$/.test(name)
  )
    return (
      <Link href={`/attestations/${text}`} className="break-all font-mono text-xs underline">
        {text}
      </Link>
    );
  if (name === "modelId" && /^\d+$/.test(text))
    return (
      <Link href={`/models/${text}`} className="underline">
        {text}
      </Link>
    );
  return <span className="break-all font-mono text-xs">{text}</span>;
}

type Loaded =
  | { kind: "bad" }
  | { kind: "missing" }
  | { kind: "problem"; message: string }
  | {
      kind: "ok";
      receipt: Awaited<ReturnType<ReturnType<typeof publicClient>["getTransactionReceipt"]>>;
      value: bigint;
      timestamp: bigint;
      events: DecodedEvent[];
    };

async function load(hash: string): Promise<Loaded> {
  if (!HASH.test(hash)) return { kind: "bad" };
  const client = publicClient();
  try {
    const receipt = await client.getTransactionReceipt({ hash: hash as Hex });
    const [tx, block, gp] = await Promise.all([
      client.getTransaction({ hash: hash as Hex }),
      client.getBlock({ blockNumber: receipt.blockNumber }),
      serverGreenprint(),
    ]);
    return {
      kind: "ok",
      receipt,
      value: tx.value,
      timestamp: block.timestamp,
      events: gp.decodeLogs(receipt.logs as Parameters<typeof gp.decodeLogs>[0]),
    };
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TransactionReceiptNotFoundError" || name === "TransactionNotFoundError")
      return { kind: "missing" };
    return {
      kind: "problem",
      message: `The chain could not be read: ${(error as Error).message.split("\n")[0]}`,
    };
  }
}

/**
 * A transaction of the app's chain, for chains without a block explorer (the local anvil): its
 * block, time, sender and the Greenprint events it emitted, decoded and linked.
 */
export default async function TransactionPage({ params }: Props) {
  const { hash } = await params;
  const loaded = await load(hash);
  if (loaded.kind !== "ok")
    return (
      <article className="space-y-4" data-testid="tx-not-found">
        <h1 className="text-3xl font-semibold">
          {loaded.kind === "bad" ? "Not a transaction hash" : "No such transaction"}
        </h1>
        <p className="max-w-prose text-sm text-neutral-700 dark:text-neutral-300">
          {loaded.kind === "bad"
            ? `“${hash}” is not a transaction hash: 0x followed by 64 hexadecimal digits.`
            : loaded.kind === "missing"
              ? `${chainSettings().chainName} (chain ${chainSettings().chainId}) has no mined transaction ${hash}.`
              : loaded.message}
        </p>
      </article>
    );
  const { receipt, events } = loaded;
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Transaction on {chainSettings().chainName} (chain {chainSettings().chainId})
        </p>
        <h1 className="break-all font-mono text-xl font-semibold">{receipt.transactionHash}</h1>
      </header>
      <dl
        className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]"
        data-testid="tx-fields"
      >
        <dt className="text-neutral-600 dark:text-neutral-400">Status</dt>
        <dd>{receipt.status === "success" ? "succeeded" : "reverted"}</dd>
        <dt className="text-neutral-600 dark:text-neutral-400">Block</dt>
        <dd>
          {receipt.blockNumber.toString()} ({formatUtc(loaded.timestamp, { seconds: true })})
        </dd>
        <dt className="text-neutral-600 dark:text-neutral-400">From</dt>
        <dd>
          <AddressLink address={receipt.from.toLowerCase()} />
        </dd>
        <dt className="text-neutral-600 dark:text-neutral-400">To</dt>
        <dd className="break-all font-mono text-xs">{receipt.to ?? "contract creation"}</dd>
        <dt className="text-neutral-600 dark:text-neutral-400">Value</dt>
        <dd>{formatEther(loaded.value)} ETH</dd>
        <dt className="text-neutral-600 dark:text-neutral-400">Gas used</dt>
        <dd>{receipt.gasUsed.toLocaleString("en")}</dd>
      </dl>
      <section aria-labelledby="events-title" className="space-y-2">
        <h2 id="events-title" className="text-xl font-semibold">
          Greenprint events
        </h2>
        {events.length === 0 ? (
          <p className="text-sm">None: this transaction did not touch the Greenprint contracts.</p>
        ) : (
          <ol className="space-y-3 text-sm" data-testid="tx-events">
            {events.map((e) => (
              <li key={e.log.logIndex ?? e.eventName}>
                <p className="font-medium">
                  {e.contract}.{e.eventName}
                </p>
                <dl className="grid grid-cols-1 gap-x-4 pl-4 sm:grid-cols-[auto_1fr]">
                  {Object.entries(e.args).map(([name, value]) => (
                    <div key={name} className="contents">
                      <dt className="text-neutral-600 dark:text-neutral-400">{name}</dt>
                      <dd>
                        <Arg name={name} value={value} contract={e.contract} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
