// npm run bench [-- options]: measures the pipeline on a synthetic site. See scripts/bench/run.ts.
import path from "node:path";
import { markdownTable, writeReport } from "./bench/report.ts";
import { BenchUsageError, parseBenchArguments, runBenchmark, USAGE } from "./bench/run.ts";

const projectRoot = path.resolve(import.meta.dirname, "..");
try {
  const options = parseBenchArguments(process.argv.slice(2), projectRoot);
  if (options === null) {
    console.log(USAGE);
  } else {
    const report = await runBenchmark(projectRoot, options, (line) => {
      console.error(line);
    });
    await writeReport(options.reportFile, report);
    console.log(markdownTable(report));
    console.log(`\nReport: ${path.relative(process.cwd(), options.reportFile)}`);
  }
} catch (error) {
  if (error instanceof BenchUsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(
      `The benchmark stopped: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  }
}
