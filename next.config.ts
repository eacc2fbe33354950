import type { NextConfig } from "next";

const config: NextConfig = {
  // Tests build into their own folder so they never clobber a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Lint and type-check run as their own steps of `npm test` (biome, tsc --noEmit over the whole
  // repository), not a second time inside every build.
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: true },
  // The public data API (/api/v1/*) is served by the indexer; it lives on the app's origin.
  async rewrites() {
    const indexer = process.env.INDEXER_URL ?? "http://127.0.0.1:42069";
    return [{ source: "/api/v1/:path*", destination: `${indexer}/api/v1/:path*` }];
  },
};

export default config;
