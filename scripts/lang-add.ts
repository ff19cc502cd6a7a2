import { addLanguageCommand } from "../src/checks/i18n/cli.ts";
import { runCommandCli } from "../src/checks/runner.ts";

process.exitCode = await runCommandCli(addLanguageCommand);
