import { NextResponse } from "next/server";
import { evidenceStore, SHA256_HEX } from "@/lib/store/evidenceStore";

/** GET the bytes stored under a SHA-256 (64 lower-case hex characters, optional 0x). */
export async function GET(_request: Request, { params }: { params: Promise<{ sha256: string }> }) {
  const hash = (await params).sha256.toLowerCase().replace(/^0x/, "");
  if (!SHA256_HEX.test(hash)) {
    return NextResponse.json(
      { error: "sha256 must be 64 hexadecimal characters (optionally prefixed 0x)." },
      { status: 400 },
    );
  }
  const bytes = await evidenceStore().get(hash);
  if (!bytes) return NextResponse.json({ error: `No evidence stored under ${hash}.` }, { status: 404 });
  return new NextResponse(Buffer.from(bytes), {
    headers: {
      "content-type": "application/octet-stream",
      // Content-addressed: the bytes under a hash never change.
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${hash}"`,
    },
  });
}
