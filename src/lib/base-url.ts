import { ContentError, type ContentLocation } from "./errors.ts";
import { projectFiles } from "./project.ts";

/** Where the site's address comes from when `SITE_URL` is set, as messages name it. */
export const siteUrlLocation: ContentLocation = { file: "SITE_URL (environment variable)" };

/**
 * Why `raw` cannot be the site's address, or undefined when it can: it must be a web address
 * (`http:` or `https:`) and only an origin (scheme, host, port), with no path, query, fragment
 * or user name: pages link to each other by root-relative paths, which a sub-folder deployment
 * would break, and a user name would be dropped without a word.
 */
export function baseUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a web address such as https://example.org`;
  }
  if (
    !/^https?:$/.test(url.protocol) ||
    url.pathname !== "/" ||
    url.search !== "" ||
    url.hash !== "" ||
    url.username !== "" ||
    url.password !== ""
  ) {
    return `"${raw}" must be the site's origin only, such as https://example.org (no path, query, fragment or user name)`;
  }
  return undefined;
}

/**
 * The address the site is published at, from `SITE_URL` or the default in `data/site.ts`,
 * which must pass `baseUrlProblem`. An error names where the address came from: the
 * environment variable, or the data module's field.
 */
export function resolveBaseUrl(fromEnvironment: string | undefined, fallback: string): string {
  const fromSiteUrl = fromEnvironment !== undefined && fromEnvironment !== "";
  const raw = fromSiteUrl ? fromEnvironment : fallback;
  const problem = baseUrlProblem(raw);
  if (problem !== undefined) {
    throw new ContentError(
      problem,
      fromSiteUrl
        ? siteUrlLocation
        : { file: projectFiles.dataModule("site"), key: "defaultBaseUrl" },
    );
  }
  return new URL(raw).origin;
}

/** Makes a site path absolute on the base URL: `/de/` → `https://example.org/de/`. */
export function absoluteUrl(pathname: string, baseUrl: string): string {
  return new URL(pathname, baseUrl).href;
}
