import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/lib/source-files.ts";
import { assetTypes, checkAsset, checkSvg } from "../../src/lib/passive-files.ts";
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
  ])("refuses %s, naming the file and line", (_case, text, line, reason) => {
    const error = contentErrorOf(() => {
      checkSvg(text, file);
    });
    expect(error.location).toEqual({ file, line });
    expect(error.message).toMatch(/^is not a passive image: it /);
    expect(error.message).toContain(reason);
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
