import path from "node:path";
import { loadSiteData } from "../../../src/lib/data/load.ts";
import type { SiteData } from "../../../src/lib/data/schemas.ts";
import { createTranslator, loadLocales, type Translator } from "../../../src/lib/i18n.ts";
import { buildOpenData } from "../../../src/lib/open-data/build.ts";
import type { BuiltOpenDataFile } from "../../../src/lib/open-data/files.ts";
import { projectRoot } from "../../support/project.ts";

/** The project's real data modules and locale strings, loaded as the build loads them. */
export interface RealProject {
  data: SiteData;
  translator: Translator;
}

let loaded: Promise<RealProject> | undefined;

/** Loads the real project's data and translator once per test file. */
export function realProject(): Promise<RealProject> {
  loaded ??= (async () => ({
    data: await loadSiteData(path.join(projectRoot, "data"), projectRoot),
    translator: createTranslator(await loadLocales(path.join(projectRoot, "locales"), projectRoot)),
  }))();
  return loaded;
}

export const testBaseUrl = "https://gesundheit.example";
export const testLandingPages = { de: "/de/daten/", en: "/en/data/" };

/** Builds the open-data files from `data` and returns them by key, decoded. */
export function buildTexts(
  data: SiteData,
  translator: Translator,
): { files: BuiltOpenDataFile[]; text: (id: string) => string } {
  const files = buildOpenData(data, {
    translator,
    baseUrl: testBaseUrl,
    landingPages: testLandingPages,
  });
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  return {
    files,
    text: (key) => {
      const file = files.find((candidate) => candidate.id === key);
      if (file === undefined) throw new Error(`no open-data file "${key}"`);
      return decoder.decode(file.bytes);
    },
  };
}
