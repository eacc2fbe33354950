// Which IP addresses a server may connect to when the URL came from someone else (an evidence or
// metadata URI written on chain): public unicast only. ipaddr.js classifies the ranges (loopback,
// private, link-local incl. cloud metadata 169.254.169.254, carrier-grade NAT, unique-local,
// multicast, unspecified, reserved, ...); IPv4-mapped IPv6 addresses are judged as their IPv4.
import ipaddr from "ipaddr.js";

/** ipaddr.js range names in words, for the sentence a visitor reads. */
const RANGE_WORDS: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  uniqueLocal: "a private address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
};

/**
 * Null when `ip` is a public unicast address; otherwise the reason it is refused, in words
 * ("a private address"). Anything that does not parse as an IP address is refused too.
 */
export function refusedAddress(ip: string): string | null {
  const bare = ip.replace(/^\[(.*)\]$/, "$1");
  if (!ipaddr.isValid(bare)) return "not an IP address";
  // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so a mapped private address is judged as one.
  const range = ipaddr.process(bare).range();
  if (range === "unicast") return null;
  return RANGE_WORDS[range] ?? `a reserved address (${range})`;
}
