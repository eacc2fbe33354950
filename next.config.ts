import type { NextConfig } from "next";

const config: NextConfig = {
  // Tests build into their own folder so they never clobber a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Type-checking runs as its own step of `npm test` (tsc --noEmit over the whole repository), not
  // a second time inside every build. (Next 16 no longer lints during builds; biome is its own step.)
  typescript: { ignoreBuildErrors: true },
  // The public data API (/api/v1/*) is served by the indexer; it lives on the app's origin.
  async rewrites() {
    const indexer = process.env.INDEXER_URL ?? "http://127.0.0.1:42069";
    return [{ source: "/api/v1/:path*", destination: `${indexer}/api/v1/:path*` }];
  },
};

export default config;
