import { runCommand, runImportCli } from "../src/translation/cli.ts";

await runCommand(runImportCli);
