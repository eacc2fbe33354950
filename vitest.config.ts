import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/lib/**/*.test.ts", "test/unit/**/*.test.ts"],
    environment: "node",
  },
});
