import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/lib/source-files.ts";
import {
  assetTypes,
  checkAsset,
  checkSvg,
  plainCss,
  rendersAsDocument,
  xmlRenderedPart,
} from "../../src/lib/passive-files.ts";
import { contentErrorOf } from "../support/errors.ts";

const file = "src/site/assets/bild.svg";
const svg = (inner: string, attributes = "") =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 8 8"${attributes}>\n${inner}\n</svg>`;
const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((value) =>
      typeof value === "number" ? [value] : [...Buffer.from(value, "latin1")],
    ),
  );

describe("checkSvg", () => {
  it("passes a plain icon, with gradients, fragment references and metadata", () => {
    expect(() => {
      checkSvg(
        `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${svg(
          `<defs><linearGradient id="g"><stop offset="0" stop-color="#0b5c4a"/></linearGradient><path id="p" d="M0 0h8v8z"/></defs>
<title>Kreuz</title><style>rect { fill: url(#g); }</style>
<rect width="8" height="8" style="fill: url('#g')"/><use href="#p"/><use xlink:href="#p"/>
<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description><dc:title>Kreuz</dc:title></rdf:Description></rdf:RDF></metadata>`,
        )}`,
        file,
      );
    }).not.toThrow();
  });

  it.each([
    ["a script element", svg("<script>alert(1)</script>"), 2, "has a <script> element"],
    [
      "an event handler",
      svg('<rect width="8" height="8" onclick="alert(1)"/>'),
      2,
      "is an event handler",
    ],
    ["an event handler on the root", svg("", ' onload="alert(1)"'), 1, "is an event handler"],
    ["foreignObject", svg("<foreignObject><p>Text</p></foreignObject>"), 2, "<foreignObject>"],
    [
      "an XHTML script, which runs in an SVG opened on its own",
      svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
      2,
      "an element of another document language",
    ],
    [
      "a link to another site",
      svg('<a href="https://example.org/"><rect width="8" height="8"/></a>'),
      2,
      "refers to another file or site",
    ],
    [
      "an image from another file",
      svg('<image href="foto.png" width="8" height="8"/>'),
      2,
      "refers to another file or site",
    ],
    [
      "a use of another file",
      svg('<use xlink:href="sprite.svg#icon"/>'),
      2,
      "refers to another file or site",
    ],
    [
      "a javascript: URL spelled with an entity and a tab",
      svg(
        '<a href="#x" xlink:title="x"><set attributeName="title" to="&#x6A;ava&#9;script:alert(1)"/></a>',
      ),
      2,
      "holds a script or document URL",
    ],
    [
      "an animation that rewrites a link",
      svg('<a href="#x"><set attributeName="href" to="#y"/></a>'),
      2,
      "animates a link",
    ],
    [
      "a style sheet that loads a file",
      svg("<style>@import url(other.css);</style>"),
      2,
      "loads another file",
    ],
    [
      "a style that loads an image",
      svg('<rect width="8" height="8" style="fill: url(https://example.org/x)"/>'),
      2,
      "loads another file",
    ],
    [
      "an XSLT style sheet",
      `<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n${svg("")}`,
      1,
      "processing instruction <?xml-stylesheet?>",
    ],
    [
      "entity declarations",
      `<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n${svg("")}`,
      1,
      "declares entities",
    ],
    [
      "another root element",
      '<html xmlns="http://www.w3.org/1999/xhtml"/>',
      1,
      "does not start with an <svg> element",
    ],
    ...(["fill", "filter", "mask", "clip-path", "marker-start"] as const).map(
      (name): [string, string, number, string] => [
        `a ${name} attribute that loads a file`,
        svg(`<rect width="8" height="8" ${name}="url(https://example.org/p.svg#g)"/>`),
        2,
        "loads another file",
      ],
    ),
    [
      "a cursor from another site",
      svg('<rect width="8" height="8" cursor="url(//example.org/c.cur), auto"/>'),
      2,
      "loads another file",
    ],
    [
      "an animation to a file's address",
      svg(
        '<rect width="8" height="8"><set attributeName="fill" to="url(https://example.org/p.svg#g)"/></rect>',
      ),
      2,
      "loads another file",
    ],
    [
      "a style sheet split into text and CDATA",
      svg("<style>rect{fill:ur<![CDATA[l(https://example.org/x.svg#a)}]]></style>"),
      2,
      "a <style> element that loads another file",
    ],
    [
      "a style sheet split by an XML comment",
      svg("<style>rect{fill:ur<!-- -->l(https://example.org/x.svg#a)}</style>"),
      2,
      "a <style> element that loads another file",
    ],
    [
      "a url() spelled with a CSS escape",
      svg("<style>rect{background:u\\72l(https://example.org/x.png)}</style>"),
      2,
      "a <style> element that loads another file",
    ],
    [
      "an @import spelled with a CSS escape",
      svg('<style>@\\69mport "https://example.org/x.css";</style>'),
      2,
      "a <style> element that loads another file",
    ],
    [
      "a style attribute with an escaped url()",
      svg('<rect width="8" height="8" style="fill:u\\72l(https://example.org/x.svg#a)"/>'),
      2,
      "loads another file",
    ],
    [
      "an image-set() of another site's image",
      svg('<style>rect{background:image-set("https://example.org/x.png" 1x)}</style>'),
      2,
      "a <style> element that loads another file",
    ],
    [
      "a DOCTYPE that names a DTD elsewhere",
      `<!DOCTYPE svg SYSTEM "https://example.org/x.dtd">\n${svg("")}`,
      1,
      "refers to a file elsewhere",
    ],
    [
      "xml:base, which moves every link elsewhere",
      svg('<a xml:base="https://example.org/" href="#x"><text>t</text></a>'),
      2,
      "moves every link of the file to another address",
    ],
    [
      "a ping, which sends a request when followed",
      svg('<a href="#x" ping="https://example.org/track"><text>t</text></a>'),
      2,
      "sends a request",
    ],
    [
      "an SVG Tiny handler element",
      svg(
        '<handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler>',
      ),
      2,
      "which SVG Tiny runs as script",
    ],
  ])("refuses %s, naming the file and line", (_case, text, line, reason) => {
    const error = contentErrorOf(() => {
      checkSvg(text, file);
    });
    expect(error.location).toEqual({ file, line });
    expect(error.message).toMatch(/^is not a passive image: it /);
    expect(error.message).toContain(reason);
  });

  it("passes CSS that refers only to the file's own parts or loads nothing, however it is spelled", () => {
    expect(() => {
      checkSvg(
        svg(`<style>@font-face{font-family:x;src:local(Arial)} rect{fill:url( "#g" )} /* url(x) */</style>
<rect width="8" height="8" fill="url(#g)" style="fill:u\\72l('#g')" cursor="pointer"/>`),
        file,
      );
    }).not.toThrow();
  });

  it("refuses a file that is not well-formed XML, naming the line", () => {
    const error = contentErrorOf(() => {
      checkSvg(svg("<rect>\n<g>"), file);
    });
    expect(error.message).toMatch(/^is not a well-formed SVG file \(/);
    expect(error.location.line).toBe(4);
  });
});

describe("checkAsset", () => {
  const asset = (name: string, content: Uint8Array) => () => {
    checkAsset(`src/site/assets/${name}`, content, decodeUtf8);
  };

  it.each([
    ["site.css", bytes("body { color: #000; }")],
    ["schrift.woff2", bytes("wOF2", 0, 1, 0, 0)],
    ["schrift.woff", bytes("wOFF", 0, 1, 0, 0)],
    ["foto.png", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ["foto.JPG", bytes(0xff, 0xd8, 0xff, 0xe0)],
    ["foto.jpeg", bytes(0xff, 0xd8, 0xff, 0xe1)],
    ["animation.gif", bytes("GIF89a")],
    ["foto.webp", bytes("RIFF", 0, 0, 0, 0, "WEBP")],
    ["foto.avif", bytes(0, 0, 0, 28, "ftypavif")],
    ["favicon.ico", bytes(0, 0, 1, 0, 1, 0)],
    ["icon.svg", bytes(svg('<rect width="8" height="8"/>'))],
  ])("passes %s, a passive file of a type the site publishes", (name, content) => {
    expect(asset(name, content)).not.toThrow();
  });

  it("names every type it allows, and no other", () => {
    expect(Object.keys(assetTypes).sort()).toEqual([
      "avif",
      "css",
      "gif",
      "ico",
      "jpeg",
      "jpg",
      "png",
      "svg",
      "webp",
      "woff",
      "woff2",
    ]);
  });

  it.each([
    "p5.htm",
    "seite.html",
    "seite.xhtml",
    "daten.xml",
    "skript.js",
    "bericht.pdf",
    "ohne-endung",
  ])("refuses %s, a type the site does not publish from assets/", (name) => {
    const error = contentErrorOf(asset(name, bytes("<script>alert(1)</script>")));
    expect(error.message).toMatch(/^is not a type of file the site publishes from assets\//);
    expect(error.location).toEqual({ file: `src/site/assets/${name}` });
  });

  it("refuses a file whose content is not what its name says", () => {
    const error = contentErrorOf(asset("foto.png", bytes("<html><script>alert(1)</script>")));
    expect(error.message).toMatch(/^is named as a PNG image but is not one/);
  });

  it("refuses a stylesheet or SVG that is not UTF-8, and an SVG that is not passive", () => {
    expect(
      contentErrorOf(asset("site.css", bytes("a::after { content: '", 0xf6, "' }"))).message,
    ).toMatch(/is not saved as UTF-8/);
    expect(contentErrorOf(asset("logo.svg", bytes(svg("<script>x</script>")))).message).toMatch(
      /has a <script> element/,
    );
  });
});

describe("plainCss", () => {
  it("reads CSS as a browser does: escapes resolved, comments dropped", () => {
    expect(plainCss('u\\72l(x) u\\000072 l(x) @\\69mport /* a */b\\"c\\\nd')).toBe(
      'url(x) url(x) @import b"cd',
    );
    expect(plainCss("\\0 \\110000 \\d800 ")).toBe("\ufffd\ufffd\ufffd");
  });
});

describe("rendersAsDocument", () => {
  const document = (file: string, text = "") => rendersAsDocument(file, () => bytes(text));

  it("counts every file a browser renders as a document by the type it is served with", () => {
    for (const file of ["a.html", "a.HTM", "a.shtml", "a.xht", "a.xhtml", "a.svg", "a.mml"]) {
      expect(document(file), file).toBe(true);
    }
    for (const file of [
      "a.css",
      "a.txt",
      "a.json",
      "a.csv",
      "a.ttl",
      "a.png",
      "_headers",
      "a.njk",
    ]) {
      expect(document(file), file).toBe(false);
    }
  });

  it("counts XML as a document when it holds XHTML, SVG or MathML, a style sheet or a DOCTYPE, and a sitemap's language links not", () => {
    const sitemap = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc>https://example.org/de/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/"/></url>
</urlset>`;
    expect(document("sitemap.xml", sitemap)).toBe(false);
    expect(
      document("data.rdf", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'),
    ).toBe(false);
    for (const text of [
      '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
      '<data><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></data>',
      '<data><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/></data>',
      '<data><x:link xmlns:x="http://www.w3.org/1999/xhtml" rel="stylesheet" href="x.css"/></data>',
      '<?xml-stylesheet type="text/xsl" href="x.xsl"?><data/>',
      '<!DOCTYPE data SYSTEM "x.dtd"><data/>',
      "<data><unclosed></data>",
    ]) {
      expect(document("p6.xml", text), text).toBe(true);
    }
  });

  it("names what makes XML a document, and its line", () => {
    expect(xmlRenderedPart('<data>\n<h:p xmlns:h="http://www.w3.org/1999/xhtml"/></data>')).toEqual(
      {
        what: "the element <h:p> of http://www.w3.org/1999/xhtml",
        line: 2,
      },
    );
  });
});
