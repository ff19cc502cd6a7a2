// npm run check:a11y [-- options]: the accessibility gate (src/checks/a11y/gate.ts), run by the shared runner.
import { a11yGate } from "../src/checks/a11y/gate.ts";
import { runGateCli } from "../src/checks/runner.ts";

process.exitCode = await runGateCli(a11yGate);
