import { duplicatesGate } from "../src/checks/duplicates/gate.ts";
import { runGateCli } from "../src/checks/runner.ts";

process.exitCode = await runGateCli(duplicatesGate);
