import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ContentError } from "../errors.ts";
import { dataModuleSchemas, type SiteData } from "./schemas.ts";
import { projectFiles } from "../project.ts";
import { loadFailure, validateDataModule } from "./validate.ts";

export { validateDataModule } from "./validate.ts";

type ModuleName = keyof typeof dataModuleSchemas;

function isModuleName(name: string): name is ModuleName {
  return Object.hasOwn(dataModuleSchemas, name);
}

/** Imports a data module; one that fails to load (a syntax error, a throw) is named with its error. */
export async function importModule(file: string, relative: string): Promise<unknown> {
  // The modification time makes a changed module load afresh while `npm start` watches.
  const { mtimeMs } = await stat(file);
  try {
    const module = (await import(`${pathToFileURL(file).href}?v=${Math.trunc(mtimeMs)}`)) as {
      default?: unknown;
    };
    return module.default;
  } catch (error) {
    throw loadFailure(relative, error);
  }
}

/** Checks the references between modules: every fact and region names a source that exists. */
export function checkDataReferences(data: SiteData, relativeFile: (name: string) => string): void {
  const known = new Set(Object.keys(data.sources));
  const references: [file: string, key: string, source: string][] = [
    ...Object.entries(data.facts).map(([id, fact]): [string, string, string] => [
      "facts",
      `${id}.source`,
      fact.source,
    ]),
    ["regions", "berlinBrandenburg.source", data.regions.berlinBrandenburg.source],
    ["regions", "nrw.source", data.regions.nrw.source],
  ];
  for (const [name, key, source] of references) {
    if (!known.has(source)) {
      throw new ContentError(
        `names the source "${source}", which ${projectFiles.dataModule("sources")} does not list (known: ${[...known].join(", ")})`,
        { file: relativeFile(name), key },
      );
    }
  }
}

/**
 * Loads and validates every module in the data folder. A module without a schema, a value of
 * the wrong type or a missing source stops the build with the module and field named.
 */
export async function loadSiteData(dataDir: string, projectRoot: string): Promise<SiteData> {
  const relativeFile = (name: string) =>
    path.relative(projectRoot, path.join(dataDir, `${name}.ts`));
  const files = (await readdir(dataDir)).filter((file) => file.endsWith(".ts")).sort();
  const loaded: Partial<Record<ModuleName, unknown>> = {};
  for (const file of files) {
    const name = path.basename(file, ".ts");
    if (!isModuleName(name)) {
      throw new ContentError(
        `is not a known data module (known: ${Object.keys(dataModuleSchemas).join(", ")}); add its schema to src/lib/data/schemas.ts`,
        { file: relativeFile(name) },
      );
    }
    loaded[name] = validateDataModule(
      relativeFile(name),
      dataModuleSchemas[name],
      await importModule(path.join(dataDir, file), relativeFile(name)),
    );
  }
  for (const name of Object.keys(dataModuleSchemas)) {
    if (!(name in loaded)) {
      throw new ContentError("this data module is missing", { file: relativeFile(name) });
    }
  }
  const data = loaded as SiteData;
  checkDataReferences(data, relativeFile);
  return data;
}
