/**
 * `npm run check:code`: the TypeScript type check and ESLint, over one TypeScript program.
 *
 * Run one after the other, `tsc --noEmit` and ESLint's typed rules each built and type-checked
 * the whole program: 12.5 and 26 processor-seconds on a fresh clone here, the largest static
 * step of `npm test`. Here the program is built once (incrementally, with tsc's build info in
 * `.cache/tsc/`), its type errors are reported as tsc reports them, and ESLint's typed rules ask
 * the same type checker, which has already done most of their work.
 *
 * Exit status: 0 clean, 1 type errors or lint findings (warnings count: `--max-warnings=0`),
 * 2 the check could not run (no tsconfig.json, a broken ESLint configuration).
 */
import { checkCode } from "./lib/code-check.ts";

process.exitCode = await checkCode(process.cwd(), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colour: process.stdout.isTTY,
});
