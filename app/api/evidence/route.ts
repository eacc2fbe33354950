import { NextResponse } from "next/server";
import { evidenceStore, MAX_EVIDENCE_BYTES } from "@/lib/store/evidenceStore";

/** POST raw bytes (any content type); answers with their SHA-256 and where to fetch them. */
export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_EVIDENCE_BYTES) {
    return NextResponse.json(
      { error: `Evidence is ${declared} bytes; the limit is ${MAX_EVIDENCE_BYTES} bytes (20 MB).` },
      { status: 413 },
    );
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength === 0)
    return NextResponse.json({ error: "The request body is empty." }, { status: 400 });
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) {
    return NextResponse.json(
      { error: `Evidence is ${bytes.byteLength} bytes; the limit is ${MAX_EVIDENCE_BYTES} bytes (20 MB).` },
      { status: 413 },
    );
  }
  const sha256 = await evidenceStore().put(bytes);
  return NextResponse.json({ sha256, uri: `/api/evidence/${sha256}` }, { status: 201 });
}
