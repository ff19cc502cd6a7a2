import { isPlaceholder, textIn, type SiteData } from "./data/schemas.ts";
import { toolLanguage } from "./languages.ts";
import { untranslatedDataTexts, untranslatedMessage, untranslatedSources } from "./untranslated.ts";
import path from "node:path";
import { formatLocation, type ContentLocation } from "./errors.ts";
import { projectFiles, projectFolders } from "./project.ts";

/** One reason a build cannot be published (an error) or should be looked at first (a warning). */
export interface PublishProblem {
  /** What kind of problem it is, for the development build's one-line summary. */
  kind: "placeholder" | "dates" | "siteUrl" | "attribution" | "untranslated";
  /** The file and field to change: a data module's field, or `SITE_URL`. */
  location: ContentLocation;
  message: string;
  /** A few words for the development build's one-line summary, where the kind alone says too little. */
  summary?: string;
}

/** What stands between a build and its publication. */
export interface PublishReadiness {
  /** Each refuses a production build. */
  errors: PublishProblem[];
  /** Each is printed, and the build goes on. */
  warnings: PublishProblem[];
}

/** Where the site's address comes from, as the messages name it. */
const siteUrlLocation: ContentLocation = { file: "SITE_URL (environment variable)" };

/** Host names that only ever reach the machine the build runs on. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "::1" ||
    host === "0.0.0.0" ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/**
 * What is wrong with `SITE_URL` for a published site: it must be set, use `https:` and name a
 * host readers can reach. Every absolute address the build writes (canonical links, sitemap,
 * open data, citations) starts with it.
 */
export function siteUrlProblems(siteUrl: string | undefined): PublishProblem[] {
  const problem = (summary: string, message: string): PublishProblem[] => [
    { kind: "siteUrl", location: siteUrlLocation, message, summary: `SITE_URL ${summary}` },
  ];
  if (siteUrl === undefined || siteUrl.trim() === "") {
    return problem(
      "is not set",
      "is not set: set it to the address the site is published at, e.g. SITE_URL=https://gesundheit.example.org",
    );
  }
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    return problem(
      "is not a web address",
      `"${siteUrl}" is not a web address such as https://gesundheit.example.org`,
    );
  }
  if (url.protocol !== "https:") {
    return problem(
      "is not https:",
      `"${siteUrl}" must start with https: (readers and harvesters expect it)`,
    );
  }
  if (isLocalHost(url.hostname)) {
    return problem(
      "names this machine",
      `"${siteUrl}" names this machine, which no reader can reach: give the public address`,
    );
  }
  return [];
}

/**
 * Every placeholder marker (`{ placeholder: true, … }`) in the data modules, with its module and
 * field, found by its shape wherever it stands, so a field added later cannot be forgotten. The
 * one exception is a part the site does not publish: the state arbitration body of a publisher
 * at federal level, which the accessibility statement does not name.
 */
export function placeholderProblems(
  data: SiteData,
  relativeFile: (module: string) => string,
): PublishProblem[] {
  const unpublished = (module: string, path: string[]) =>
    module === "publisher" &&
    data.publisher.arbitration.level === "federal" &&
    path.join(".").startsWith("arbitration.state");
  const problems: PublishProblem[] = [];
  const visit = (module: string, value: unknown, path: string[]): void => {
    if (isPlaceholder(value)) {
      if (!unpublished(module, path)) {
        problems.push({
          kind: "placeholder",
          location: { file: relativeFile(module), key: path.join(".") },
          message: `is still a placeholder ("${textIn(value.value, toolLanguage)}"): fill in the value and set placeholder: false`,
        });
      }
      return;
    }
    if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) visit(module, inner, [...path, key]);
    }
  };
  for (const [module, value] of Object.entries(data)) visit(module, value, []);
  return problems;
}

/** Dates of the open data that contradict each other or the sources (only filled-in ones count). */
function dateProblems(data: SiteData, relativeFile: (module: string) => string): PublishProblem[] {
  const { dataIssuedOn: issued, dataModifiedOn: modified } = data.publisher;
  if (modified.placeholder) return [];
  const at = (key: string) => ({ file: relativeFile("publisher"), key });
  const problems: PublishProblem[] = [];
  if (!issued.placeholder && modified.value < issued.value) {
    problems.push({
      kind: "dates",
      location: at("dataModifiedOn"),
      message: `${modified.value} is before the data were first published (dataIssuedOn ${issued.value})`,
    });
  }
  for (const [id, source] of Object.entries(data.sources)) {
    if (!source.retrievedOn.placeholder && modified.value < source.retrievedOn.value) {
      problems.push({
        kind: "dates",
        location: at("dataModifiedOn"),
        message: `${modified.value} is before the source "${id}" was read (${source.retrievedOn.value}): the figures changed when it was read, so set the day of that change`,
      });
    }
  }
  return problems;
}

/** Sources whose publisher is still to be confirmed: the site attributes figures to them all the same. */
function attributionWarnings(
  data: SiteData,
  relativeFile: (module: string) => string,
): PublishProblem[] {
  return Object.entries(data.sources)
    .filter(([, source]) => !source.publisher.confirmed)
    .map(([id, source]): PublishProblem => ({
      kind: "attribution",
      location: { file: relativeFile("sources"), key: `${id}.publisher.confirmed` },
      message: `the attribution of "${source.title}" to ${source.publisher.name} is not confirmed: check it on the page the figures were read from, then set confirmed: true`,
    }));
}

/**
 * Whether the site may be published as built from `data` at `siteUrl`: placeholders, a site
 * address readers cannot use and contradictory dates are errors; an attribution still to be
 * confirmed is a warning.
 */
export function publishReadiness(
  data: SiteData,
  siteUrl: string | undefined,
  relativeFile: (module: string) => string,
): PublishReadiness {
  return {
    errors: [
      ...placeholderProblems(data, relativeFile),
      ...dateProblems(data, relativeFile),
      ...siteUrlProblems(siteUrl),
    ],
    warnings: attributionWarnings(data, relativeFile),
  };
}

/**
 * `publishReadiness` for the project in `projectRoot`, naming its data modules as
 * `data/<module>.ts`, and what is not translated yet: pages and locale texts still copies of
 * their source (as `npm run lang:add` made them) and data texts lacking a language, each named.
 */
export async function projectReadiness(
  projectRoot: string,
  data: SiteData,
  siteUrl: string | undefined,
): Promise<PublishReadiness> {
  const dataDir = path.join(projectRoot, projectFolders.data);
  const relativeFile = (module: string) =>
    path.relative(projectRoot, path.join(dataDir, `${module}.ts`));
  const readiness = publishReadiness(data, siteUrl, relativeFile);
  const untranslated = [
    ...(await untranslatedSources(projectRoot)),
    ...untranslatedDataTexts(data, relativeFile),
  ].map((item): PublishProblem => ({
    kind: "untranslated",
    location: item.location,
    message: untranslatedMessage(item),
  }));
  return { ...readiness, errors: [...readiness.errors, ...untranslated] };
}

/**
 * A build for publication refused: what stands in its way, every problem at once. Thrown by the
 * site's configuration after the sources and data have been checked, before anything renders.
 */
export class NotPublishableError extends Error {
  override name = "NotPublishableError";
  readonly readiness: PublishReadiness;

  constructor(readiness: PublishReadiness) {
    super(`${readiness.errors.length} problem(s) stand in the way of publishing`);
    this.readiness = readiness;
  }
}

/** Throws `NotPublishableError` when `readiness` has any error. */
export function assertPublishable(readiness: PublishReadiness): void {
  if (readiness.errors.length > 0) throw new NotPublishableError(readiness);
}

/** A problem as one line, `file (field): message`, as the build's other messages are written. */
export function describePublishProblem(problem: PublishProblem): string {
  return `${formatLocation(problem.location)}: ${problem.message}`;
}

/**
 * The one line a development build ends with while the site could not be published as it is,
 * saying why (the production build lists each problem); undefined when it could.
 */
export function notPublishableLine(readiness: PublishReadiness): string | undefined {
  const { errors } = readiness;
  if (errors.length === 0) return undefined;
  const count = (kind: PublishProblem["kind"]) =>
    errors.filter((error) => error.kind === kind).length;
  const siteUrl = errors.find((error) => error.kind === "siteUrl");
  const reasons = [
    count("placeholder") > 0
      ? `${count("placeholder")} placeholders in ${projectFolders.data}/`
      : undefined,
    count("dates") > 0
      ? `contradictory dates in ${projectFiles.dataModule("publisher")}`
      : undefined,
    siteUrl?.summary,
    count("untranslated") > 0
      ? `${count("untranslated")} texts and pages not translated yet`
      : undefined,
  ].filter((reason) => reason !== undefined);
  return `Development build, not publishable: ${reasons.join(", ")} (npm run build -- --production lists every problem).`;
}
