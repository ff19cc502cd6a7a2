import { runCommand, runExportCli } from "../src/translation/cli.ts";

await runCommand(runExportCli);
