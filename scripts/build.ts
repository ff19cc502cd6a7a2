import path from "node:path";
import { parseArgs } from "node:util";
import type { RunOptions } from "../src/build.ts";
import { projectFolders } from "../src/lib/project.ts";

const usage = `Usage: npm run build [-- options]

Builds the site into ${projectFolders.output}/.
  --production     build for publication: refuse while ${projectFolders.data}/ holds a placeholder or SITE_URL is
                   missing, not https: or this machine, listing every problem with file and field
  --time-limit S   seconds the build may take before it stops, naming the slowest pages (default 600)
  -h, --help       show this help`;

/**
 * The build's options from its command line; a mistake in them is exit code 2 with the usage,
 * `--help` exit code 0.
 */
function readOptions(args: string[]): RunOptions | number {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        production: { type: "boolean" },
        "time-limit": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const options: RunOptions = { production: values.production ?? false };
  if (values["time-limit"] !== undefined) {
    const seconds = Number(values["time-limit"]);
    if (!(seconds > 0)) {
      console.error(`--time-limit expects a number of seconds above 0.\n\n${usage}`);
      return 2;
    }
    options.timeLimitMs = seconds * 1000;
  }
  return options;
}

const options = readOptions(process.argv.slice(2));
if (typeof options === "number") process.exit(options);
// Loaded once the options are read, so a mistake in them is told at once.
const { runBuild } = await import("../src/build.ts");
// Exits at once: a build stopped at its time limit may leave Eleventy's work running.
process.exit(await runBuild(path.resolve(import.meta.dirname, ".."), undefined, options));
