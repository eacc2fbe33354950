// The indexer's event handlers live one file per contract (Ponder loads every file of src/):
// modelRegistry.ts, attestations.ts, governance.ts, pause.ts, certificates.ts, efficiencyBonus.ts,
// leafToken.ts; what they share (store helpers, event and context types) is in store.ts.
export * from "./store";
