import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: child-process and fake-Discord suites are heavy, so keep parallelism modest.
    maxWorkers: 2,
  },
});
