// npm run bench [-- options]: measures the pipeline on a synthetic site (scripts/bench/run.ts),
// on the harness every command of the project runs on.
import { runCommandCli } from "../src/checks/runner.ts";
import { benchCommand } from "./bench/run.ts";

process.exitCode = await runCommandCli(benchCommand);
