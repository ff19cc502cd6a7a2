// npm run check:visual [-- options]: screenshots of every page compared with the last passing run (src/checks/visual/gate.ts).
import { runGateCli } from "../src/checks/runner.ts";
import { visualGate } from "../src/checks/visual/gate.ts";

process.exitCode = await runGateCli(visualGate);
