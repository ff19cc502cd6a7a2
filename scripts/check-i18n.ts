import { translationGate } from "../src/checks/i18n/gate.ts";
import { runGateCli } from "../src/checks/runner.ts";

process.exitCode = await runGateCli(translationGate);
