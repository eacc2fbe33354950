// Test harness for the indexer, one file per concern: processes.ts (children, waits, ports),
// chain.ts (anvil, deploy, actors), protocol.ts (the scenario driver), indexerProcess.ts (the
// indexer as a child process and its checked HTTP answers). Imported as one module.
export * from "./chain";
export * from "./indexerProcess";
export * from "./processes";
export * from "./protocol";
