import { existsSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCode } from "../../scripts/lib/code-check.ts";
import { projectRoot, runCaptured } from "../support/project.ts";
import { makeTempDir } from "../support/temp.ts";

/** The project's strict, typed ESLint setup, for a fixture of a few files. */
const eslintConfig = `import tseslint from "typescript-eslint";
export default tseslint.config(
  { ignores: [".cache/"] },
  ...tseslint.configs.strictTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ["**/*.js"], extends: [tseslint.configs.disableTypeChecked] },
);
`;

const tsconfig = JSON.stringify({
  compilerOptions: {
    strict: true,
    module: "NodeNext",
    target: "ES2023",
    lib: ["ES2023"],
    types: [],
    noEmit: true,
  },
  include: ["*.ts"],
});

/** A small project: tsconfig, ESLint configuration, the given TypeScript files. */
async function fixture(files: Record<string, string>): Promise<string> {
  const root = await makeTempDir("gw-check-code-");
  await symlink(path.join(projectRoot, "node_modules"), path.join(root, "node_modules"), "dir");
  await writeFile(path.join(root, "package.json"), '{ "type": "module" }\n');
  await writeFile(path.join(root, "eslint.config.js"), eslintConfig);
  await writeFile(path.join(root, "tsconfig.json"), tsconfig);
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(root, file), text);
  return root;
}

/** `npm run check:code` in `root`, its code run in this process. */
const check = (root: string) =>
  runCaptured((output) => checkCode(root, { ...output, colour: false }));

const clean = `export async function load(): Promise<number> {
  return Promise.resolve(1);
}

export async function main(): Promise<void> {
  await load();
}
`;

// npm test runs the script itself on the project; these cases run its code in this process.
describe("npm run check:code", () => {
  it("passes clean code, having checked its files, and keeps tsc's build info for the next run", async () => {
    const root = await fixture({ "main.ts": clean });
    const result = await check(root);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/Types and lint: 1 files, 0 type errors, 0 lint findings/);
    expect(existsSync(path.join(root, ".cache/tsc/tsbuildinfo"))).toBe(true);
  });

  it("fails a type error, naming the file, line and column as tsc does", async () => {
    const root = await fixture({
      "main.ts": clean.replace("return Promise.resolve(1);", 'return Promise.resolve("1");'),
    });
    const result = await check(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/main\.ts\(2,\d+\): error TS2322/);
    expect(result.stdout).toMatch(/1 type errors/);
  });

  it("fails what only a typed lint rule sees, so ESLint was given the checked program", async () => {
    const root = await fixture({
      "main.ts": clean.replace("  await load();", "  load();\n  await load();"),
    });
    const result = await check(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /main\.ts\n\s+6:3\s+error .*@typescript-eslint\/no-floating-promises/,
    );
    expect(result.stdout).toMatch(/0 type errors, 1 lint findings/);
  });

  it("cannot check a folder without tsconfig.json, and says so with status 2", async () => {
    const root = await makeTempDir("gw-check-code-");
    await mkdir(path.join(root, "src"));
    const result = await check(root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Types and lint could not run: no tsconfig\.json/);
  });
});
