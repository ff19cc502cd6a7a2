import { runMarkCli } from "../src/checks/i18n/cli.ts";

process.exitCode = await runMarkCli();
