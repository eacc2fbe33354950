"use client";

import { createContext, useContext } from "react";
import type { ChainSettings } from "@/lib/web/chain";

export const ChainSettingsContext = createContext<ChainSettings | null>(null);

/** The chain the app is deployed for, as the server configured it. */
export function useChainSettings(): ChainSettings {
  const settings = useContext(ChainSettingsContext);
  if (!settings) throw new Error("useChainSettings must be used inside <Providers>");
  return settings;
}
