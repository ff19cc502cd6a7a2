import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { baseUrlProblem, siteUrlLocation } from "./base-url.ts";
import { inBatches } from "./batches.ts";
import { isPlaceholder, textIn, type SiteData } from "./data/schemas.ts";
import { formatLocation, type ContentLocation } from "./errors.ts";
import { toolLanguage } from "./languages.ts";
import { projectFiles, projectFolders } from "./project.ts";
import { untranslatedDataTexts, untranslatedMessage, untranslatedSources } from "./untranslated.ts";

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

/**
 * Names a machine gives itself in `/etc/hosts` (Debian's `localhost`, `ip6-localhost` and
 * `ip6-loopback`; Red Hat's `localhost4`, `localhost6` and their `.localdomain` forms).
 */
const loopbackNames = new Set([
  "localhost",
  "ip6-localhost",
  "ip6-loopback",
  "localhost.localdomain",
  "localhost4",
  "localhost4.localdomain4",
  "localhost6",
  "localhost6.localdomain6",
]);

/** Whether an IPv4 address (dotted, as URLs write it) is in 127.0.0.0/8 or 0.0.0.0/8. */
function isLocalIpv4(address: string): boolean {
  const first = /^(\d{1,3})\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.exec(address)?.[1];
  return first === "127" || first === "0";
}

/** The eight 16-bit groups of an IPv6 address as URLs write it (`::ffff:7f00:1`). */
function ipv6Groups(address: string): number[] {
  const [head = "", tail] = address.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const start = groups(head);
  const end = tail === undefined ? [] : groups(tail);
  return [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end];
}

/**
 * Whether an IPv6 address reaches this machine: `::1`, the unspecified `::`, or an IPv4 address
 * of this machine embedded in IPv6 (mapped `::ffff:127.0.0.1`, translated
 * `::ffff:0:127.0.0.1`, compatible `::127.0.0.1`).
 */
function isLocalIpv6(address: string): boolean {
  const groups = ipv6Groups(address);
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  const embedsIpv4 =
    (zeros(0, 5) && (groups[5] === 0 || groups[5] === 0xffff)) ||
    (zeros(0, 4) && groups[4] === 0xffff && groups[5] === 0);
  if (!embedsIpv4) return false;
  const [high = 0, low = 0] = groups.slice(6);
  return isLocalIpv4(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`);
}

/**
 * Whether a host name (as `URL.hostname` gives it) names the machine the build runs on, which
 * no reader can reach: `localhost` and its subdomains, the machine's other loopback names, its
 * loopback and unspecified addresses in IPv4 and IPv6, in any spelling URLs accept (a trailing
 * dot, upper case, an IPv4 address inside IPv6).
 */
export function isThisMachine(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, "")
    .toLowerCase()
    .replace(/\.+$/, "");
  if (host.includes(":")) return isLocalIpv6(host);
  return loopbackNames.has(host) || host.endsWith(".localhost") || isLocalIpv4(host);
}

/**
 * What is wrong with `SITE_URL` for a published site: it must be set, be the site's origin
 * only (see `baseUrlProblem`), use `https:` and name a host readers can reach. Every absolute
 * address the build writes (canonical links, sitemap, open data, citations) starts with it.
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
  const notBaseUrl = baseUrlProblem(siteUrl);
  if (notBaseUrl !== undefined) {
    return problem(
      URL.canParse(siteUrl) ? "is not the site's origin alone" : "is not a web address",
      notBaseUrl,
    );
  }
  const url = new URL(siteUrl);
  if (url.protocol !== "https:") {
    return problem(
      "is not https:",
      `"${siteUrl}" must start with https: (readers and harvesters expect it)`,
    );
  }
  if (isThisMachine(url.hostname)) {
    return problem(
      "names this machine",
      `"${siteUrl}" names this machine, which no reader can reach: give the public address`,
    );
  }
  return [];
}

/** Words writers leave where a text is still to come. */
const reminderWords = /\b(?:TODO|FIXME|TBD|XXX)\b|\b[Ll]orem ipsum\b/;

/**
 * The part of `text` that marks it as still to be filled in, or undefined: how the pages show a
 * placeholder (`markers`, see `placeholderMarkers`; any case, soft hyphens ignored) or a word
 * writers leave for later (TODO, FIXME, TBD, XXX, Lorem ipsum).
 */
export function placeholderTextIn(text: string, markers: readonly string[]): string | undefined {
  const plain = text.replace(/\u00ad|&shy;|&#173;|&#xad;/gi, "");
  const lower = plain.toLowerCase();
  for (const marker of markers) {
    const at = lower.indexOf(marker.toLowerCase());
    if (at !== -1) return plain.slice(at, at + 60).split(/[\]\n<"]/)[0];
  }
  return reminderWords.exec(plain)?.[0];
}

/** A value filled in where a placeholder stood (`{ placeholder: false, value }`), named by its field. */
const isFilledIn = (value: unknown): value is { placeholder: false; value: unknown } =>
  value !== null &&
  typeof value === "object" &&
  "placeholder" in value &&
  value.placeholder === false;

/**
 * Every placeholder in the data modules, with its module and field, found wherever it stands,
 * so a field added later cannot be forgotten: a marker (`{ placeholder: true, … }`), and text
 * that says it is one although marked filled in (see `placeholderTextIn`). The one exception
 * is a part the site does not publish: the state arbitration body of a publisher at federal
 * level, which the accessibility statement does not name.
 */
export function placeholderProblems(
  data: SiteData,
  relativeFile: (module: string) => string,
  markers: readonly string[] = [],
): PublishProblem[] {
  const unpublished = (module: string, path: string[]) =>
    module === "publisher" &&
    data.publisher.arbitration.level === "federal" &&
    path.join(".").startsWith("arbitration.state");
  const problems: PublishProblem[] = [];
  const visit = (module: string, value: unknown, path: string[]): void => {
    if (unpublished(module, path)) return;
    const location = { file: relativeFile(module), key: path.join(".") };
    if (isPlaceholder(value)) {
      problems.push({
        kind: "placeholder",
        location,
        message: `is still a placeholder ("${textIn(value.value, toolLanguage)}"): fill in the value and set placeholder: false`,
      });
      return;
    }
    const text = typeof value === "string" ? placeholderTextIn(value, markers) : undefined;
    if (text !== undefined) {
      problems.push({
        kind: "placeholder",
        location,
        message: `reads "${text}", which marks a value still to be filled in: write the real value`,
      });
    }
    if (isFilledIn(value)) visit(module, value.value, path);
    else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) visit(module, inner, [...path, key]);
    }
  };
  for (const [module, value] of Object.entries(data)) visit(module, value, []);
  return problems;
}

/**
 * Every text file of a built site (`outputDir`, named `shownAs` in messages) that shows a
 * placeholder (see `placeholderTextIn`), each with the first line it does so on: whatever
 * wrote it there (a data module, a page, a locale string), a site with one is not published.
 * The files of `assets/` (styles, fonts, images) show no text of the site's.
 */
export async function publishedPlaceholderProblems(
  outputDir: string,
  shownAs: string,
  markers: readonly string[],
): Promise<PublishProblem[]> {
  const problems: PublishProblem[] = [];
  const entries = await readdir(outputDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outputDir, path.join(entry.parentPath, entry.name)))
    .filter((file) => file.split(path.sep)[0] !== "assets")
    .sort();
  const found = new Map<string, (string | undefined)[]>();
  await inBatches(files, async (file) => {
    const text = await readFile(path.join(outputDir, file), "utf8");
    // Most files show none: only those that do are read line by line.
    if (placeholderTextIn(text, markers) === undefined) return;
    found.set(
      file,
      text.split("\n").map((line) => placeholderTextIn(line, markers)),
    );
  });
  for (const file of files) {
    const lines = found.get(file);
    if (lines === undefined) continue;
    const index = lines.findIndex((text) => text !== undefined);
    const more = lines.filter((text) => text !== undefined).length - 1;
    problems.push({
      kind: "placeholder",
      location: { file: `${shownAs}/${file.split(path.sep).join("/")}`, line: index + 1 },
      message: `shows "${lines[index] ?? ""}"${more > 0 ? ` (and on ${more} more line(s))` : ""}, which marks a value still to be filled in: fill it in where it is written (a data module, a page or a locale file)`,
    });
  }
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
  markers: readonly string[] = [],
): PublishReadiness {
  return {
    errors: [
      ...placeholderProblems(data, relativeFile, markers),
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
  markers: readonly string[] = [],
): Promise<PublishReadiness> {
  const dataDir = path.join(projectRoot, projectFolders.data);
  const relativeFile = (module: string) =>
    path.relative(projectRoot, path.join(dataDir, `${module}.ts`));
  const readiness = publishReadiness(data, siteUrl, relativeFile, markers);
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
