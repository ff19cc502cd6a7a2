import { existsSync } from "node:fs";
import { loadSiteData } from "../../lib/data/load.ts";
import { ContentError } from "../../lib/errors.ts";
import { projectFiles, projectFolders, projectPath } from "../../lib/project.ts";
import { untranslatedDataTexts, untranslatedMessage } from "../../lib/untranslated.ts";
import { checkKeyUsage, scanKeyUsage } from "./key-usage.ts";
import { checkLocales } from "./locale-checks.ts";
import { readLocales, type Locales } from "../../lib/locale-texts.ts";
import { checkPagePairs } from "./page-checks.ts";
import {
  pairPages,
  readPages,
  type PagePair,
  type PageSource,
  type UnreadablePage,
} from "../../lib/page-sources.ts";
import type { Finding } from "../../lib/translation-findings.ts";
import {
  keyVersions,
  pageVersions,
  readKeyRecord,
  type KeyRecord,
  type KeyVersion,
  type PageVersion,
} from "../../lib/translation-state.ts";
import { versionFindings } from "./versions.ts";

/** Where the project to check is. */
export interface CheckOptions {
  /** The folder holding `locales/` and `src/`. */
  projectRoot: string;
}

/** Everything the check read and found, for the check's output and the status report. */
export interface TranslationInspection {
  locales: Locales;
  pages: PageSource[];
  /** Pages whose front matter cannot be read, with the key their line says they have. */
  unreadablePages: UnreadablePage[];
  pairs: PagePair[];
  record: KeyRecord;
  pageVersions: PageVersion[];
  keyVersions: KeyVersion[];
  /** Sorted by file, line and column. */
  findings: Finding[];
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.location.file.localeCompare(b.location.file) ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    (a.location.column ?? 0) - (b.location.column ?? 0) ||
    (a.location.key ?? "").localeCompare(b.location.key ?? "")
  );
}

/**
 * Texts of the data modules that lack a language (warnings: pages show the source language's
 * text meanwhile; a production build refuses them). A project without data modules, or with data
 * the build would refuse, has none to report here.
 */
async function dataFindings(projectRoot: string): Promise<Finding[]> {
  const dataDir = projectPath(projectFolders.data, projectRoot);
  if (!existsSync(dataDir)) return [];
  let data;
  try {
    data = await loadSiteData(dataDir, projectRoot);
  } catch (error) {
    if (error instanceof ContentError) return [];
    throw error;
  }
  return untranslatedDataTexts(data, (module) => projectFiles.dataModule(module)).map((item) => ({
    severity: "warning",
    rule: "data-untranslated",
    location: item.location,
    message: untranslatedMessage(item),
  }));
}

/** Reads a project's locale files, pages and translation record, and checks them all. */
export async function inspectTranslations(options: CheckOptions): Promise<TranslationInspection> {
  const { projectRoot } = options;
  const [locales, read, record, data] = await Promise.all([
    readLocales(projectRoot),
    readPages(projectRoot),
    readKeyRecord(projectRoot),
    dataFindings(projectRoot),
  ]);
  const usages = await scanKeyUsage(
    projectRoot,
    new Map(read.pages.map((page) => [page.file, page.text])),
  );
  const paired = pairPages(read.pages, read.unreadable);
  const pages = pageVersions(paired.pairs);
  const keys = keyVersions(locales, record);
  const findings = [
    ...checkLocales(locales),
    ...checkKeyUsage(locales, usages),
    ...read.findings,
    ...paired.findings,
    ...checkPagePairs(paired.pairs),
    ...versionFindings(pages, keys, locales, record),
    ...data,
  ].sort(compareFindings);
  return {
    locales,
    pages: read.pages,
    unreadablePages: read.unreadable,
    pairs: paired.pairs,
    record,
    pageVersions: pages,
    keyVersions: keys,
    findings,
  };
}

/**
 * Checks a project's translations: locale files, the texts templates use, page pairs and
 * outdated translations. Returns every finding; errors fail the check, warnings only with
 * `--strict`.
 */
export async function checkTranslations(options: CheckOptions): Promise<Finding[]> {
  return (await inspectTranslations(options)).findings;
}
