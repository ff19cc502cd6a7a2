import { runDuplicateCheck } from "../src/checks/duplicates/cli.ts";

try {
  const result = await runDuplicateCheck(process.argv.slice(2), process.cwd());
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
} catch (error) {
  process.stderr.write(
    `Duplicate check: the check stopped because of an internal error: ${(error as Error).message}\n` +
      `${(error as Error).stack ?? ""}\n`,
  );
  process.exitCode = 2;
}
