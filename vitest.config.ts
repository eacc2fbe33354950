import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // the app's "@/…" imports (tsconfig paths), for server components rendered in unit tests
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["test/lib/**/*.test.ts", "test/unit/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
