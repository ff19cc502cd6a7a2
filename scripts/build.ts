import path from "node:path";
import { runBuild } from "../src/build.ts";

process.exitCode = await runBuild(path.resolve(import.meta.dirname, ".."));
