import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteData } from "../lib/data/schemas.ts";
import { metaContentSecurityPolicy, securityHeaders } from "../lib/security.ts";

/**
 * Makes the validated data modules available to every template under their file names, with
 * the base URL and the site's security policy (`security.contentSecurityPolicy` for the meta
 * tag, `security.headers` for `/_headers`), so both are written from `src/lib/security.ts`.
 */
export default function siteDataPlugin(
  eleventyConfig: UserConfig,
  options: { data: SiteData; baseUrl: string },
) {
  for (const [name, value] of Object.entries(options.data)) {
    eleventyConfig.addGlobalData(name, value);
  }
  eleventyConfig.addGlobalData("baseUrl", options.baseUrl);
  eleventyConfig.addGlobalData("security", {
    contentSecurityPolicy: metaContentSecurityPolicy,
    headers: securityHeaders,
  });
}
