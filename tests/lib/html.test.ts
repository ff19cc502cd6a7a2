import { describe, expect, it } from "vitest";
import { html, joinLanguageParts, markLanguage, trustedHtml } from "../../src/lib/html.ts";

describe("html", () => {
  it("escapes inserted text in content and attribute values", () => {
    const name = `<script>alert("x")</script> & 'Söhne'`;
    expect(html`<a title="${name}">${name}</a>`.markup).toBe(
      `<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Söhne&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Söhne&#39;</a>`,
    );
  });

  it("inserts markup made by html or handed over as trusted as it is", () => {
    const item = html`<li>${"a < b"}</li>`;
    expect(html`<ul>${item}${trustedHtml("<li><em>c</em></li>")}</ul>`.markup).toBe(
      "<ul><li>a &lt; b</li><li><em>c</em></li></ul>",
    );
  });

  it("joins lists and leaves out false, null and undefined", () => {
    const items = ["1", "2"].map((n) => html`<li>${n}</li>`);
    expect(html`${items}${false}${null}${undefined}${0}`.markup).toBe("<li>1</li><li>2</li>0");
  });
});

describe("markLanguage", () => {
  it("marks each phrase with its language and escapes the rest, the longer phrase first", () => {
    const marked = markLanguage("Sources: Land Brandenburg & Landeszentrum Gesundheit NRW <x>", [
      { phrase: "Land", lang: "fr" },
      { phrase: "Land Brandenburg", lang: "de" },
      { phrase: "Landeszentrum Gesundheit NRW", lang: "de" },
    ]);
    expect(marked.markup).toBe(
      'Sources: <span lang="de">Land Brandenburg</span> &amp; <span lang="de">Landeszentrum Gesundheit NRW</span> &lt;x&gt;',
    );
  });

  it("only escapes text without any phrase to mark", () => {
    expect(markLanguage("Download key-figures.csv <b>", []).markup).toBe(
      "Download key-figures.csv &lt;b&gt;",
    );
  });
});

describe("joinLanguageParts", () => {
  it("puts each language in an element of its own, marked unless in the page's language, the dot bound to the part before it", () => {
    expect(
      joinLanguageParts([{ content: "Gesundheit & Pflege" }, { lang: "en", content: "Health" }])
        .markup,
    ).toBe(
      '<span class="language-part">Gesundheit &amp; Pflege</span><span class="language-separator">\u00a0·</span> <span class="language-part" lang="en">Health</span>',
    );
  });

  it("gives a part written in the other direction its dir, and a part in the page's direction none", () => {
    expect(
      joinLanguageParts([
        { content: "Gesundheit" },
        { lang: "ar", dir: "rtl", content: "الصحة" },
        { lang: "en", content: "Health" },
      ]).markup,
    ).toBe(
      '<span class="language-part">Gesundheit</span><span class="language-separator">\u00a0·</span> <span class="language-part" lang="ar" dir="rtl">الصحة</span><span class="language-separator">\u00a0·</span> <span class="language-part" lang="en">Health</span>',
    );
  });

  it("writes one language without a dot", () => {
    expect(joinLanguageParts([{ content: "Gesundheit" }]).markup).toBe(
      '<span class="language-part">Gesundheit</span>',
    );
  });
});
