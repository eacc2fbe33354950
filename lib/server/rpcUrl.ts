// The RPC endpoint the server reads the chain from (RPC_URL; default: the local anvil of
// `npm run dev`). Its own module, without "server-only", so proxy.ts can use it too.
export function serverRpcUrl(): string {
  return process.env.RPC_URL ?? "http://127.0.0.1:8545";
}
