import path from "node:path";
import { parseForESLint, type ParserOptions } from "@typescript-eslint/parser";
import { ESLint } from "eslint";
import ts from "typescript";
import { projectFolders } from "../../src/lib/project.ts";

/** Where the check writes, and whether its output may be coloured (a terminal). */
export interface CodeCheckOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  colour: boolean;
}

/** The project's program from `tsconfig.json`, built on tsc's last build info where there is one. */
function buildProgram(projectRoot: string): ts.EmitAndSemanticDiagnosticsBuilderProgram {
  const configFile = ts.findConfigFile(projectRoot, (file) => ts.sys.fileExists(file));
  if (configFile === undefined) throw new Error(`no tsconfig.json in ${projectRoot}`);
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (parsed === undefined) throw new Error(`${configFile} could not be read`);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    incremental: true,
    tsBuildInfoFile: path.join(projectRoot, projectFolders.cache, "tsc", "tsbuildinfo"),
  };
  return ts.createIncrementalProgram({
    rootNames: parsed.fileNames,
    options,
    configFileParsingDiagnostics: parsed.errors,
    projectReferences: parsed.projectReferences ?? [],
  });
}

/** tsc's own report of the program's errors: `file(line,col): error TS…`, with context on a terminal. */
function typeErrors(
  builder: ts.EmitAndSemanticDiagnosticsBuilderProgram,
  projectRoot: string,
  colour: boolean,
): {
  text: string;
  count: number;
} {
  const diagnostics = [
    ...builder.getConfigFileParsingDiagnostics(),
    ...builder.getOptionsDiagnostics(),
    ...builder.getGlobalDiagnostics(),
    ...builder.getSyntacticDiagnostics(),
    ...builder.getSemanticDiagnostics(),
  ];
  // With noEmit this writes only the build info, so the next run checks only what changed.
  builder.emit();
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => projectRoot,
    getNewLine: () => "\n",
  };
  const text = colour
    ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host)
    : ts.formatDiagnostics(diagnostics, host);
  return { text, count: diagnostics.length };
}

/**
 * ESLint with the project's configuration, its TypeScript files parsed from `program`. The
 * parser is wrapped rather than given `parserOptions.programs`, which ESLint's cache cannot
 * serialise; the wrapper's name and version are what the cache keys on instead.
 */
async function lint(
  program: ts.Program,
  projectRoot: string,
): Promise<{ text: string; problems: number }> {
  const parser = {
    meta: { name: "typescript-eslint-parser-on-the-checked-program", version: ts.version },
    parseForESLint: (code: string, options: ParserOptions = {}) =>
      parseForESLint(code, {
        ...options,
        programs: [program],
        tsconfigRootDir: projectRoot,
        projectService: false,
        project: false,
      }),
  };
  const eslint = new ESLint({
    cwd: projectRoot,
    cache: true,
    cacheLocation: path.join(projectRoot, projectFolders.cache, "eslint") + path.sep,
    overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser } }],
  });
  const results = await eslint.lintFiles(["."]);
  const formatter = await eslint.loadFormatter("stylish");
  const problems = results.reduce(
    (sum, result) => sum + result.errorCount + result.warningCount,
    0,
  );
  return { text: await formatter.format(results), problems };
}

/**
 * Type-checks the project in `projectRoot` and lints it on the same program (see
 * scripts/check-code.ts). Returns the exit status: 0 clean, 1 findings, 2 could not check.
 */
export async function checkCode(projectRoot: string, output: CodeCheckOutput): Promise<number> {
  try {
    const started = performance.now();
    const builder = buildProgram(projectRoot);
    const types = typeErrors(builder, projectRoot, output.colour);
    const checked = builder.getProgram().getRootFileNames().length;
    const lintResult = await lint(builder.getProgram(), projectRoot);
    output.stdout(types.text + lintResult.text);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    output.stdout(
      `Types and lint: ${checked} files, ${types.count} type errors, ${lintResult.problems} lint findings (${seconds} s).\n`,
    );
    return types.count + lintResult.problems > 0 ? 1 : 0;
  } catch (error) {
    output.stderr(`Types and lint could not run: ${(error as Error).message}\n`);
    return 2;
  }
}
