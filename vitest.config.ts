import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    // Build and browser tests start Eleventy or Chromium; a cold start on a
    // 2-core machine can take tens of seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
