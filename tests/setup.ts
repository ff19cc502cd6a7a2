import { afterAll } from "vitest";
import "./support/node-typescript.ts";
import { removeTempDirs } from "./support/temp.ts";

// Setup files run before every test file, also where test files share a worker's modules
// (`isolate: false`): each file's temporary folders go when that file is done.
afterAll(removeTempDirs);
