/** A wrong command-line argument or option value; the CLI exits with status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The site cannot be checked as given (no sitemap, empty sitemap, missing folder); exit status 1. */
export class SiteError extends Error {
  override name = "SiteError";
}

/** The message of anything thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
