"use client";

import { useEffect, useRef } from "react";
import { useChainId, useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";
import { shortAddress } from "@/lib/web/format";
import { useChainSettings } from "./useChainSettings";
import { useHydrated } from "./useHydrated";

/** Connect through any EIP-6963 wallet; shows the account, a wrong-network switch, disconnect. */
export function WalletButton({ openOnMount = false }: { openOnMount?: boolean }) {
  const hydrated = useHydrated();
  const { address, status, chainId: walletChainId } = useConnection();
  const appChainId = useChainId();
  const settings = useChainSettings();
  const { mutate: disconnect } = useDisconnect();
  const { mutate: switchChain, isPending: switching } = useSwitchChain();
  const dialog = useRef<HTMLDialogElement>(null);
  // Loaded on demand after a click on a public page: open the dialog that click asked for.
  useEffect(() => {
    if (openOnMount && status === "disconnected") dialog.current?.showModal();
  }, [openOnMount, status]);

  if (status === "connected" && address) {
    if (walletChainId !== appChainId) {
      return (
        <button
          type="button"
          className="rounded-md bg-amber-500 px-3 py-1.5 text-sm font-medium text-black hover:bg-amber-400"
          onClick={() => switchChain({ chainId: appChainId })}
          disabled={switching}
        >
          {switching ? "Switching…" : `Wrong network: switch to ${settings.chainName}`}
        </button>
      );
    }
    return (
      <div className="flex items-center gap-2 text-sm">
        <span className="font-mono" data-testid="connected-account" title={address}>
          {shortAddress(address)}
        </span>
        <button
          type="button"
          className="rounded-md border border-neutral-300 px-2 py-1 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
          onClick={() => disconnect()}
        >
          Disconnect
        </button>
      </div>
    );
  }

  return (
    <>
      <button
        type="button"
        className="rounded-md bg-leaf-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-leaf-800"
        onClick={() => dialog.current?.showModal()}
        disabled={!hydrated || status === "connecting" || status === "reconnecting"}
      >
        {status === "connecting" || status === "reconnecting" ? "Connecting…" : "Connect wallet"}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="connect-title"
        className="m-auto w-80 rounded-lg border border-neutral-200 bg-white p-0 text-neutral-900 backdrop:bg-black/40 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100"
      >
        <ConnectorList onDone={() => dialog.current?.close()} />
      </dialog>
    </>
  );
}

function ConnectorList({ onDone }: { onDone: () => void }) {
  const connectors = useConnectors();
  const { mutate: connect, error, isPending } = useConnect();
  // The generic "Injected" connector duplicates an EIP-6963 wallet when one announced itself.
  const announced = connectors.filter((c) => c.type === "injected" && c.id !== "injected");
  const choices = announced.length > 0 ? announced : connectors;
  return (
    <div className="p-4">
      <h2 id="connect-title" className="mb-3 text-base font-semibold">
        Connect a wallet
      </h2>
      {choices.length === 0 ? (
        <p className="text-sm">
          No browser wallet found. Install one, or browse the registry without a wallet.
        </p>
      ) : (
        <ul className="space-y-2">
          {choices.map((connector) => (
            <li key={connector.uid}>
              <button
                type="button"
                className="flex w-full items-center gap-2 rounded-md border border-neutral-300 px-3 py-2 text-left hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
                disabled={isPending}
                onClick={() => connect({ connector }, { onSuccess: onDone })}
              >
                {connector.icon ? <img src={connector.icon} alt="" width={20} height={20} /> : null}
                {connector.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {error.name === "UserRejectedRequestError" ? "You declined the connection request." : error.message}
        </p>
      ) : null}
      <button type="button" className="mt-4 text-sm underline" onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}
