// npm run check:a11y [-- options]: the accessibility gate. See src/checks/a11y/cli.ts for the options.
import { runCli } from "../src/checks/a11y/cli.ts";

process.exitCode = await runCli(process.argv.slice(2));
