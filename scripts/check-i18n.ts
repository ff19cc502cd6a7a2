import { runCheckCli, runAsScript } from "../src/checks/i18n/cli.ts";

await runAsScript(runCheckCli);
