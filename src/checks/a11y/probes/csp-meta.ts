/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { PageProbe } from "./types.ts";

/**
 * The page carries its Content-Security-Policy as a `<meta>` tag: a page without it (a
 * development build, a page whose layout was switched off) could run scripts from its content.
 */
export const cspMetaProbe: PageProbe = {
  rules: ["csp-meta"],
  async run(tab) {
    const policy = await tab.evaluate(() =>
      [...document.head.querySelectorAll("meta[http-equiv]")]
        .filter(
          (meta) => meta.getAttribute("http-equiv")?.toLowerCase() === "content-security-policy",
        )
        .map((meta) => meta.getAttribute("content") ?? "")
        .find((content) => content.trim() !== ""),
    );
    return policy === undefined
      ? [
          {
            rule: "csp-meta",
            selector: "head",
            context: "",
            message:
              'The page has no <meta http-equiv="Content-Security-Policy"> in its <head>: it must not be published without it. ' +
              "Build it with npm run build (npm start leaves the policy out).",
          },
        ]
      : [];
  },
};
