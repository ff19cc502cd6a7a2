import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/** Tests that build a site: copies of the project, or the real one shared by the run. */
const buildTests = [
  "tests/build/**/*.test.ts",
  "tests/site/**/*.test.ts",
  "tests/content/**/*.test.ts",
  "tests/plugins/facts.test.ts",
  "tests/plugins/open-data.test.ts",
  "tests/plugins/open-data.copy.test.ts",
  "tests/plugins/styles.test.ts",
  "tests/plugins/fonts.test.ts",
  "tests/plugins/layouts.test.ts",
  "tests/bench/**/*.test.ts",
  "tests/open-data/**/*.test.ts",
  "tests/lib/deploy/nginx.test.ts",
];
/** Tests that start Chromium: the accessibility gate's, and pages checked in a browser. */
const browserTests = ["tests/checks/a11y/**/*.test.ts", "tests/**/*.browser.test.ts"];

export default defineConfig({
  test: {
    setupFiles: ["tests/setup.ts"],
    // Build and browser tests start Eleventy or Chromium; a cold start on a
    // 2-core machine can take tens of seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // A worker per core. Vitest's default, one fewer, ran every test file in one worker on a
    // 2-core machine, while the rest of \`npm test\` (scripts/test.ts) ended long before and left
    // the other core idle.
    maxWorkers: availableParallelism(),
    server: {
      deps: {
        // A project copy's modules are loaded by Node, as its build script would load them,
        // so the errors its plugins throw are the classes its own build module knows.
        external: [/\/gw-project-[^/]+\//],
      },
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: [...buildTests, ...browserTests],
          // Pure modules and small fixtures: test files share a worker's loaded modules
          // instead of importing them again for each file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "build",
          include: buildTests,
          globalSetup: ["tests/support/global-setup.ts"],
          // Loading Eleventy, the plugins and the site's modules once per worker, not per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: browserTests,
          globalSetup: ["tests/support/global-setup.ts"],
          // Puppeteer, pa11y and the gate loaded once per worker: a fresh worker per file cost
          // about 15 of the project's 33 processor-seconds.
          isolate: false,
        },
      },
    ],
  },
});
