// Public detail pages (/models/[id], /attestations/[id], /address/[address], /tx/[hash]) whose
// subject does not exist answer a real 404 with readable HTML. A page cannot do that itself: a
// notFound() thrown while rendering gives Next's empty `__next_error__` shell, whose text is only in
// the script payload (vercel/next.js#62228), and 200 once streaming has begun. So existence is
// decided here, before rendering, and a missing subject is rewritten to a path no route matches:
// Next then renders app/not-found.tsx, in the root layout, with status 404. The header tells that
// page what was missing.
import { type NextRequest, NextResponse } from "next/server";
import { missingDetail } from "./lib/server/missingDetail";
import { MISSING_HEADER } from "./lib/web/missingDetail";

export async function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  // Only this proxy says what is missing; a visitor's own header is dropped.
  headers.delete(MISSING_HEADER);
  const missing = await missingDetail(request.nextUrl.pathname);
  if (missing === null) return NextResponse.next({ request: { headers } });
  headers.set(MISSING_HEADER, JSON.stringify(missing));
  return NextResponse.rewrite(new URL("/__greenprint/missing", request.url), { request: { headers } });
}

export const config = {
  matcher: ["/models/:id", "/attestations/:id", "/address/:address", "/tx/:hash"],
};
