import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The app's "@/..." imports (tsconfig paths), so server components render in unit tests.
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["test/lib/**/*.test.ts", "test/unit/**/*.test.ts"],
    environment: "node",
  },
});
