import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RTL_RULES, rtlLayoutProbe } from "../../../../src/checks/a11y/probes/rtl-layout.ts";
import {
  runProbeOn,
  serveInBrowser,
  temporaryDir,
  writeFiles,
  type ServedInBrowser,
} from "../fixtures.ts";

/** A page with a skip link, a header with a language switcher and a menu, and some text. */
function rtlPage(dir: "rtl" | "ltr", css: string): string {
  return `<!doctype html>
<html lang="ar" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>صفحة</title>
<style>
body { margin: 0; font-family: sans-serif; }
header, main { padding-inline: 1rem; }
.skip-link { position: absolute; top: -10rem; padding: 0.5rem; background: #fff; }
.skip-link:focus { top: 0.5rem; }
header ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
${css}
</style></head>
<body>
<a class="skip-link" href="#main">انتقل إلى المحتوى</a>
<header>
<nav aria-label="اللغة"><ul><li><a href="/de/" lang="de" hreflang="de">Deutsch</a></li></ul></nav>
<nav aria-label="القائمة"><ul><li><a href="/ar/">الصفحة الرئيسية</a></li><li><a href="/ar/data/">البيانات</a></li></ul></nav>
</header>
<main id="main" tabindex="-1"><h1>صفحة</h1><p class="text">نص قصير.</p></main>
</body>
</html>
`;
}

/** The layout written with logical sides: it mirrors. */
const MIRRORED = ".skip-link { inset-inline-start: 0.5rem; }";
/** The same layout written with physical sides, and a box pushed past the left edge. */
const PHYSICAL = `.skip-link { left: 0.5rem; }
header nav ul { justify-content: flex-start; direction: ltr; }
.text { position: relative; left: -40rem; width: 30rem; }`;

let served: ServedInBrowser;

beforeAll(async () => {
  const dir = temporaryDir("rtl-layout");
  writeFiles(dir, {
    "ar/good/index.html": rtlPage("rtl", MIRRORED),
    "ar/bad/index.html": rtlPage("rtl", PHYSICAL),
    "ar/ltr/index.html": rtlPage("ltr", PHYSICAL),
  });
  served = await serveInBrowser(dir);
});

afterAll(() => served.close());

async function probeOn(path: string) {
  const { tab, server } = served;
  return runProbeOn(tab, server.origin, path, rtlLayoutProbe, { languages: ["ar"] });
}

describe("the right-to-left layout probe in a real browser", () => {
  it("passes a right-to-left page whose layout mirrors", async () => {
    expect(await probeOn("/ar/good/")).toEqual([]);
  });

  it("finds a box past the left edge, a menu and a skip link on the left, and names them", async () => {
    const findings = await probeOn("/ar/bad/");
    expect(new Set(findings.map((finding) => finding.rule))).toEqual(
      new Set(Object.values(RTL_RULES)),
    );
    expect(findings.find((finding) => finding.rule === RTL_RULES.overflow)?.message).toMatch(
      /^At 390 px wide, on this right-to-left page, #main > p runs past the page's left edge/,
    );
    expect(findings.find((finding) => finding.rule === RTL_RULES.skipLink)?.message).toMatch(
      /skip link "انتقل إلى المحتوى" appears on the left/,
    );
  });

  it("leaves pages that run left to right alone, and the tab at the width it found", async () => {
    expect(await probeOn("/ar/ltr/")).toEqual([]);
    expect(served.tab.viewport()?.width).toBe(1280);
  });
});
