import { ContentError } from "./errors.ts";
import { projectFiles } from "./project.ts";

/**
 * The address the site is published at, from `SITE_URL` or the default in `data/site.ts`.
 * Only an origin (scheme, host, port) is accepted: pages link to each other by root-relative
 * paths, which a sub-folder deployment would break.
 */
export function resolveBaseUrl(fromEnvironment: string | undefined, fallback: string): string {
  const raw = fromEnvironment === undefined || fromEnvironment === "" ? fallback : fromEnvironment;
  const where = {
    file: fromEnvironment ? "SITE_URL (environment variable)" : projectFiles.dataModule("site"),
    key: "defaultBaseUrl",
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ContentError(`"${raw}" is not a web address such as https://example.org`, where);
  }
  if (
    !/^https?:$/.test(url.protocol) ||
    url.pathname !== "/" ||
    url.search !== "" ||
    url.hash !== ""
  ) {
    throw new ContentError(
      `"${raw}" must be the site's origin only, such as https://example.org (no path, query or fragment)`,
      where,
    );
  }
  return url.origin;
}

/** Makes a site path absolute on the base URL: `/de/` → `https://example.org/de/`. */
export function absoluteUrl(pathname: string, baseUrl: string): string {
  return new URL(pathname, baseUrl).href;
}
