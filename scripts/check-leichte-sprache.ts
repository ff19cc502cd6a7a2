import { leichteSpracheGate } from "../src/checks/leichte-sprache/index.ts";
import { runGateCli } from "../src/checks/runner.ts";

process.exitCode = await runGateCli(leichteSpracheGate);
