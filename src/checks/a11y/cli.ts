import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { errorText, UsageError } from "./errors.ts";
import {
  checkAccessibility,
  defaultConcurrency,
  PROJECT_ROOT,
  type CheckOptions,
} from "./index.ts";
import { problemLine, summaryLines, writeReports } from "./report.ts";
import { parseShard } from "./shard.ts";

/** Help text of npm run check:a11y. */
export const USAGE = `Usage: npm run check:a11y -- [options]

Checks the built site (npm run build) against WCAG 2.1 AA: pa11y-ci with axe on every page of
sitemap.xml plus / and both 404 pages, keyboard, focus, language and 320 px reflow checks in
Chromium, and html-validate on every built HTML file. Exits 0 only if every page was checked
and passed, 1 otherwise, 2 for wrong arguments.

Options:
  --site DIR         built site to check (default: _site)
  --concurrency N    pages checked at once (default: 4 per CPU core, here ${defaultConcurrency()})
  --no-cache         check every page, also those that passed unchanged before
  --shard I/N        check only the I-th of N slices of the pages, e.g. --shard 2/3
  --report-dir DIR   where the JSON report and the html/ report folder go (default: reports/a11y)
  --cache-dir DIR    where the cache is kept (default: .cache/a11y)
  -h, --help         show this text`;

/** Parsed command line. */
export interface CliArguments {
  help: boolean;
  reportDir: string;
  check: CheckOptions;
}

/** Parses the command line; throws UsageError for unknown options or bad values. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        site: { type: "string" },
        concurrency: { type: "string" },
        "no-cache": { type: "boolean", default: false },
        shard: { type: "string" },
        "report-dir": { type: "string" },
        "cache-dir": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(errorText(error));
  }
  const concurrency =
    values.concurrency === undefined ? defaultConcurrency() : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError(
      `--concurrency expects a whole number of at least 1; got "${values.concurrency ?? ""}".`,
    );
  }
  return {
    help: values.help,
    reportDir: resolve(values["report-dir"] ?? join(PROJECT_ROOT, "reports", "a11y")),
    check: {
      siteDir: resolve(values.site ?? join(PROJECT_ROOT, "_site")),
      concurrency,
      cache: !values["no-cache"],
      shard: values.shard === undefined ? null : parseShard(values.shard),
      ...(values["cache-dir"] === undefined ? {} : { cacheDir: resolve(values["cache-dir"]) }),
    },
  };
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Runs the gate for the command line and returns the exit status. On SIGINT or SIGTERM it
 * stops the server and browsers before returning; a second signal exits at once.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  let parsed: CliArguments;
  try {
    parsed = parseCliArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    console.log(USAGE);
    return 0;
  }

  const controller = new AbortController();
  const interruption: { by: keyof typeof SIGNAL_EXIT_CODES | null } = { by: null };
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => {
    if (interruption.by !== null) process.exit(SIGNAL_EXIT_CODES[signal]);
    interruption.by = signal;
    console.error(`\n${signal} received: stopping the server and browsers…`);
    controller.abort(new Error(`Interrupted by ${signal}.`));
  };
  const signals = Object.keys(SIGNAL_EXIT_CODES) as (keyof typeof SIGNAL_EXIT_CODES)[];
  for (const signal of signals) process.on(signal, onSignal);
  try {
    console.error(`Cores: ${availableParallelism()}, pages at once: ${parsed.check.concurrency}.`);
    const result = await checkAccessibility({
      ...parsed.check,
      signal: controller.signal,
      log: (message) => {
        console.error(message);
      },
    });
    for (const problem of result.problems) console.log(problemLine(problem));
    const written = await writeReports(result, parsed.reportDir, parsed.check.siteDir);
    console.log(`Reports: ${written.json} and ${written.html}`);
    for (const line of summaryLines(result)) console.log(line);
    return result.ok ? 0 : 1;
  } catch (error) {
    if (interruption.by !== null) return SIGNAL_EXIT_CODES[interruption.by];
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`The accessibility check failed to run: ${errorText(error)}`);
    return 1;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
}
