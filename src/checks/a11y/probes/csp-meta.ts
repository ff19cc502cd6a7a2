/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { metaContentSecurityPolicy } from "../../../lib/security.ts";
import { readServedDocument } from "./served-document.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** What the served document says about its policy, read by the browser's own parser. */
interface PolicyFacts {
  /** The policies of every CSP `<meta>` in the document, in order. */
  policies: string[];
  /** The first element in `<head>`: its start tag, and whether it is the policy's `<meta>`. */
  first: { tag: string; isPolicy: boolean } | null;
}

/**
 * Reads the HTML as the browser parses it (`DOMParser` never runs scripts, and builds `<head>`
 * as loading the page would, moving what stands before it into it).
 */
function readPolicy(html: string, type: string): PolicyFacts {
  const parsed = new DOMParser().parseFromString(html, type as DOMParserSupportedType);
  const isPolicy = (element: Element) =>
    element.localName === "meta" &&
    element.getAttribute("http-equiv")?.toLowerCase() === "content-security-policy";
  // An XHTML document need not have a <head>, whatever the DOM's types say.
  const head = parsed.head as HTMLHeadElement | null;
  const first = head?.firstElementChild ?? null;
  return {
    policies: [...parsed.querySelectorAll("meta[http-equiv]")]
      .filter(isPolicy)
      .map((meta) => meta.getAttribute("content") ?? ""),
    first:
      first === null
        ? null
        : { tag: `${first.outerHTML.split(">")[0] ?? ""}>`, isPolicy: isPolicy(first) },
  };
}

const finding = (message: string): ProbeFinding => ({
  rule: "csp-meta",
  selector: "head",
  context: "",
  message,
});

/**
 * The page protects itself with the site's Content-Security-Policy, checked on the HTML the
 * server sent (a script cannot add or move it there): exactly one policy `<meta>`, the first
 * element in `<head>` (whatever comes before it loads or runs before the policy applies), and
 * its policy exactly the site's own (`src/lib/security.ts`), not merely some policy.
 */
export const cspMetaProbe: PageProbe = {
  rules: ["csp-meta"],
  async run(tab, _page, { served }) {
    const facts = await readServedDocument(tab, served, readPolicy);
    const build = "Build the page with npm run build (npm start leaves the policy out).";
    if (facts.policies.length === 0) {
      return [
        finding(
          `The page has no <meta http-equiv="Content-Security-Policy"> in the HTML the server sent (a policy a script adds later comes too late): it must not be published without it. ${build}`,
        ),
      ];
    }
    const findings: ProbeFinding[] = [];
    if (facts.first?.isPolicy !== true) {
      findings.push(
        finding(
          `The Content-Security-Policy <meta> is not the first element in <head>: ${facts.first?.tag ?? "another element"} comes before it, and whatever comes first loads or runs before the policy applies. Put the policy first. ${build}`,
        ),
      );
    }
    if (facts.policies.length > 1) {
      findings.push(
        finding(
          `The page has ${facts.policies.length} Content-Security-Policy <meta> tags; it must have the site's one.`,
        ),
      );
    }
    for (const policy of facts.policies.filter((text) => text !== metaContentSecurityPolicy)) {
      findings.push(
        finding(
          `The page's policy is "${policy}", not the site's own "${metaContentSecurityPolicy}" (src/lib/security.ts): a policy that allows more protects less. ${build}`,
        ),
      );
    }
    return findings;
  },
};
