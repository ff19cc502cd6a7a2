// CI's last job: merges the accessibility gate's shard reports (src/checks/a11y/merge.ts).
// tsx scripts/merge-a11y-reports.ts --shards N [--site DIR] shard-1/report.json ...
import { a11yMergeGate } from "../src/checks/a11y/merge.ts";
import { runGateCli } from "../src/checks/runner.ts";

process.exitCode = await runGateCli(a11yMergeGate);
