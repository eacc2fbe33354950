// Free TCP ports for the chains and servers tests start, so that two runs at once (two worktrees,
// a developer's run beside CI) never meet on a fixed port.
import { createServer } from "node:net";

/**
 * A TCP port nobody uses now, below the kernel's ephemeral range (32768-60999 on Linux): a port
 * from that range can meanwhile become the local end of some outgoing connection (a test's own
 * RPC calls), and a server then fails to bind or (Ponder) silently moves to the next port.
 * Checked free by binding it.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.unref();
      server.once("error", () => resolve(false));
      server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}
