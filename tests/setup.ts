// Eleventy loads .eleventy.ts and data modules through Node's own loader, which
// only understands TypeScript once tsx's hooks are registered in the worker.
import { register } from "tsx/esm/api";

register();
