// Verifiers' names by lower-cased address, for "verified by <name>" marks; an empty map when the
// indexer cannot answer (the marks then show short addresses instead of failing the page).
import { getVerifiers } from "@/lib/indexer/client";

export async function verifierNames(): Promise<Map<string, string>> {
  try {
    const { verifiers } = await getVerifiers();
    return new Map(verifiers.map((v) => [v.address.toLowerCase(), v.name]));
  } catch {
    return new Map();
  }
}
