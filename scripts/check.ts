// npm run check:<gate> [-- options]: runs one gate of src/checks/gates.ts on the shared runner.
import { runGateByName } from "../src/checks/gates.ts";

process.exitCode = await runGateByName(process.argv.slice(2));
