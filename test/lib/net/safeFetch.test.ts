import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedAddress } from "../../../lib/net/addressPolicy";
import { allowedOriginsFromEnv, safeFetch } from "../../../lib/net/safeFetch";

describe("which addresses a user-chosen URL may reach", () => {
  it("refuses loopback, private, link-local, CGNAT, unspecified, multicast and their IPv6 forms", () => {
    const refused: Array<[string, RegExp]> = [
      ["127.0.0.1", /loopback/],
      ["127.255.0.9", /loopback/],
      ["10.1.2.3", /private/],
      ["172.16.0.1", /private/],
      ["172.31.255.254", /private/],
      ["192.168.1.1", /private/],
      ["169.254.169.254", /link-local/], // cloud metadata
      ["100.64.0.1", /carrier-grade NAT/],
      ["100.127.255.254", /carrier-grade NAT/],
      ["0.0.0.0", /unspecified/],
      ["224.0.0.1", /multicast/],
      ["255.255.255.255", /broadcast/],
      ["::1", /loopback/],
      ["::", /unspecified/],
      ["fc00::1", /private/],
      ["fd12:3456::1", /private/],
      ["fe80::1", /link-local/],
      ["ff02::1", /multicast/],
      ["::ffff:127.0.0.1", /loopback/],
      ["::ffff:10.0.0.1", /private/],
      ["::ffff:169.254.169.254", /link-local/],
      ["[::1]", /loopback/],
      ["not-an-ip", /not an IP address/],
    ];
    for (const [ip, why] of refused) expect(refusedAddress(ip), ip).toMatch(why);
  });

  it("allows public unicast addresses, just outside the private ranges too", () => {
    for (const ip of [
      "93.184.216.34",
      "8.8.8.8",
      "172.32.0.1",
      "172.15.255.255",
      "100.128.0.1",
      "2606:4700::1111",
      "::ffff:8.8.8.8",
    ])
      expect(refusedAddress(ip), ip).toBeNull();
  });
});

describe("safeFetch", () => {
  let target: Server;
  let redirector: Server;
  let targetUrl: string;
  let redirectorUrl: string;

  const listen = (server: Server) =>
    new Promise<string>((resolve) =>
      server.listen(0, "127.0.0.1", () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      ),
    );

  beforeAll(async () => {
    target = createServer((_req, res) => res.end("secret from the private network"));
    targetUrl = await listen(target);
    // /to-target redirects to the private target; /loop redirects to itself; /big answers too much.
    redirector = createServer((req, res) => {
      if (req.url === "/to-target") res.writeHead(302, { location: `${targetUrl}/` }).end();
      else if (req.url === "/to-metadata")
        res.writeHead(301, { location: "http://169.254.169.254/latest/" }).end();
      else if (req.url === "/loop") res.writeHead(302, { location: "/loop" }).end();
      else if (req.url === "/hop") res.writeHead(307, { location: "/ok" }).end();
      else if (req.url === "/big") res.end("x".repeat(2048));
      else if (req.url === "/big-chunked") {
        // No content-length: the limit must hold while reading.
        res.write("x".repeat(1000));
        res.end("x".repeat(1000));
      } else res.end("ok");
    });
    redirectorUrl = await listen(redirector);
  });

  afterAll(() => {
    target.close();
    redirector.close();
  });

  const options = (allowOrigins: string[] = []) => ({
    what: "evidence",
    maxBytes: 1024,
    timeoutMs: 5_000,
    schemes: ["https:" as const, "http:" as const],
    allowOrigins,
  });

  it("refuses a URL whose address is private, written as an address or as a name", async () => {
    const literal = await safeFetch(`${targetUrl}/`, options());
    expect(literal).toMatchObject({ ok: false, refused: true });
    if (!literal.ok)
      expect(literal.reason).toMatch(/^The evidence host 127\.0\.0\.1 is a loopback address; not fetched/);
    for (const url of [
      "http://[::1]/",
      "https://169.254.169.254/latest/meta-data/",
      "http://[::ffff:7f00:1]/",
    ]) {
      const result = await safeFetch(url, options());
      expect(result, url).toMatchObject({ ok: false, refused: true });
    }
    // A name is resolved first: localhost is 127.0.0.1 (or ::1), so it is refused before any connection.
    const named = await safeFetch(`http://localhost:${new URL(targetUrl).port}/`, options());
    expect(named).toMatchObject({ ok: false, refused: true });
    if (!named.ok)
      expect(named.reason).toMatch(
        /^The evidence host localhost resolves to (127\.0\.0\.1|::1), a loopback address; not fetched/,
      );
  });

  it("refuses a redirect from an allowed host to a private one, checking every hop", async () => {
    // The redirector is allow-listed (as a dev stack's own app would be); where it sends us is not.
    const result = await safeFetch(`${redirectorUrl}/to-target`, options([redirectorUrl]));
    expect(result).toMatchObject({ ok: false, refused: true });
    if (!result.ok)
      expect(result.reason).toBe(
        `The evidence host 127.0.0.1 is a loopback address; not fetched (${redirectorUrl}/to-target redirected there).`,
      );
    const metadata = await safeFetch(`${redirectorUrl}/to-metadata`, options([redirectorUrl]));
    expect(metadata.ok || metadata.reason).toMatch(/169\.254\.169\.254 is a link-local address; not fetched/);
  });

  it("follows a redirect that stays allowed, but only a few", async () => {
    const hop = await safeFetch(`${redirectorUrl}/hop`, options([redirectorUrl]));
    expect(hop.ok && new TextDecoder().decode(hop.bytes)).toBe("ok");
    const loop = await safeFetch(`${redirectorUrl}/loop`, options([redirectorUrl]));
    expect(loop.ok || loop.reason).toMatch(/redirects more than 3 times; not fetched/);
  });

  it("keeps the size limit and the scheme rule", async () => {
    const big = await safeFetch(`${redirectorUrl}/big`, options([redirectorUrl]));
    expect(big.ok || big.reason).toMatch(/it is 2048 bytes, more than the 1024 read here/);
    const chunked = await safeFetch(`${redirectorUrl}/big-chunked`, options([redirectorUrl]));
    expect(chunked.ok || chunked.reason).toMatch(/larger than the 1024 bytes read here/);
    const http = await safeFetch("http://93.184.216.34/evidence.json", { ...options(), schemes: ["https:"] });
    expect(http.ok || http.reason).toMatch(/is not https; not fetched/);
    const file = await safeFetch("file:///etc/passwd", options());
    expect(file.ok || file.reason).toMatch(/not https or http; not fetched/);
  });

  it("reads the dev allowance from FETCH_ALLOW_ORIGINS only, empty by default", () => {
    expect(allowedOriginsFromEnv({})).toEqual([]);
    expect(
      allowedOriginsFromEnv({ FETCH_ALLOW_ORIGINS: "http://localhost:3000/, http://127.0.0.1:3100" }),
    ).toEqual(["http://localhost:3000", "http://127.0.0.1:3100"]);
  });
});
