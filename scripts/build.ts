import path from "node:path";
import { parseArgs } from "node:util";
import type { RunOptions } from "../src/build.ts";

const usage = `Usage: npm run build -- [options]

  --time-limit S   seconds the build may take before it stops, naming the slowest pages (default 600)`;

/** The build's options from its command line; a mistake in them is exit code 2 with the usage. */
function readOptions(args: string[]): RunOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { "time-limit": { type: "string" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return undefined;
  }
  const options: RunOptions = {};
  if (values["time-limit"] !== undefined) {
    const seconds = Number(values["time-limit"]);
    if (!(seconds > 0)) {
      console.error(`--time-limit expects a number of seconds above 0.\n\n${usage}`);
      return undefined;
    }
    options.timeLimitMs = seconds * 1000;
  }
  return options;
}

const options = readOptions(process.argv.slice(2));
if (options === undefined) process.exit(2);
// Loaded once the options are read, so a mistake in them is told at once.
const { runBuild } = await import("../src/build.ts");
// Exits at once: a build stopped at its time limit may leave Eleventy's work running.
process.exit(await runBuild(path.resolve(import.meta.dirname, ".."), undefined, options));
