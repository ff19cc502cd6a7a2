// Eleventy loads .eleventy.ts and data modules through Node's own loader, which only
// understands TypeScript once tsx's hooks are registered in the process. A module of its own,
// so test files that share a worker (`isolate: false`) register the hooks once, not per file.
import { register as registerHooks } from "node:module";
import { register } from "tsx/esm/api";
import { projectCopyPrefix, projectRoot } from "./project.ts";
import type { SharedCodeData } from "./shared-code-hooks.ts";

register();
const data: SharedCodeData = { projectRoot, copyPrefix: projectCopyPrefix };
registerHooks("./shared-code-hooks.ts", { parentURL: import.meta.url, data });
