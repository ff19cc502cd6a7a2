// Eleventy loads .eleventy.ts and data modules through Node's own loader, which only
// understands TypeScript once tsx's hooks are registered in the process. A module of its own,
// so test files that share a worker (`isolate: false`) register the hooks once, not per file.
import { register } from "tsx/esm/api";

register();
