import path from "node:path";
import { lookup } from "mrmime";
import { SaxesParser, type SaxesAttributeNS } from "saxes";
import { ContentError } from "./errors.ts";

/**
 * How a published file of one type is recognised (its first bytes, or its text), and the media
 * type servers send it with.
 */
type AssetType = { mediaType: string } & (
  | { kind: "binary"; name: string; matches: (bytes: Uint8Array) => boolean }
  | { kind: "stylesheet" }
  | { kind: "svg" }
);

const ascii = (bytes: Uint8Array, start: number, text: string) =>
  Array.from(text, (_, index) => text.charCodeAt(index)).every(
    (code, index) => bytes[start + index] === code,
  );
const startsWith = (bytes: Uint8Array, ...prefix: number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

/** Binary types, recognised by their signatures (the formats' own "magic numbers"). */
const binary = (
  name: string,
  mediaType: string,
  matches: (bytes: Uint8Array) => boolean,
): AssetType => ({ kind: "binary", name, mediaType, matches });
const jpeg = binary("JPEG image", "image/jpeg", (b) => startsWith(b, 0xff, 0xd8, 0xff));

/**
 * What `assets/` may hold, by extension: stylesheets, web fonts, images and icons, the files a
 * browser applies or shows but never runs. Everything else (HTML in any spelling, XML, scripts,
 * PDFs, archives) is refused, since a file published as it is would reach readers unchecked.
 */
export const assetTypes: Readonly<Record<string, AssetType>> = {
  css: { kind: "stylesheet", mediaType: "text/css" },
  svg: { kind: "svg", mediaType: "image/svg+xml" },
  woff2: binary("WOFF2 font", "font/woff2", (b) => ascii(b, 0, "wOF2")),
  woff: binary("WOFF font", "font/woff", (b) => ascii(b, 0, "wOFF")),
  png: binary("PNG image", "image/png", (b) =>
    startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  ),
  jpg: jpeg,
  jpeg,
  gif: binary("GIF image", "image/gif", (b) => ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")),
  webp: binary("WebP image", "image/webp", (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")),
  avif: binary(
    "AVIF image",
    "image/avif",
    (b) => ascii(b, 4, "ftyp") && (ascii(b, 8, "avif") || ascii(b, 8, "avis")),
  ),
  ico: binary("icon", "image/x-icon", (b) => startsWith(b, 0x00, 0x00, 0x01, 0x00)),
};

/** The type of an asset by its extension, or undefined for a file `assets/` may not hold. */
export function assetTypeOf(file: string): AssetType | undefined {
  const extension = path.posix.extname(file).slice(1).toLowerCase();
  return Object.hasOwn(assetTypes, extension) ? assetTypes[extension] : undefined;
}

const svgNamespace = "http://www.w3.org/2000/svg";
const xlinkNamespace = "http://www.w3.org/1999/xlink";
/** Description a drawing program leaves in `<metadata>`, which no browser acts on. */
const metadataNamespaces = new Set([
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "http://purl.org/dc/elements/1.1/",
  "http://creativecommons.org/ns#",
  "http://www.inkscape.org/namespaces/inkscape",
  "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
]);

/** A URL scheme that runs script or makes a document, once tabs and line breaks are dropped. */
const activeScheme = /(?:java|vb)script:|data:(?:text\/html|application\/xhtml|image\/svg)/i;

/** The character a CSS escape's code point stands for (U+FFFD for none, as CSS reads it). */
function escapedCharacter(hex: string): string {
  const code = Number.parseInt(hex, 16);
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return String.fromCodePoint(valid ? code : 0xfffd);
}

/**
 * CSS as a browser reads it for what it loads: comments dropped and escapes resolved, so
 * `u\72l(` reads `url(` and `@\69mport` reads `@import`.
 */
export function plainCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, "")
    .replace(
      /\\(?:([0-9a-fA-F]{1,6})(?:\r\n|[ \t\n\r\f])?|(\r\n|[\n\r\f])|([\s\S]))/g,
      (_, hex: string | undefined, newline: string | undefined, other: string | undefined) =>
        hex === undefined ? (newline === undefined ? (other ?? "") : "") : escapedCharacter(hex),
    );
}

/**
 * Whether CSS (a style sheet, a `style` attribute or a presentation attribute such as `fill`)
 * loads a file: `@import`, a `url()` that does not name a part of the same file (`#id`), or a
 * function that takes a file's address as a string (`image-set()`, `image()`, `cross-fade()`,
 * `src()`), in any spelling of comments and escapes.
 */
export function cssLoadsFile(css: string): boolean {
  const plain = plainCss(css);
  if (/@import|(?:image-set|image|cross-fade|src)\(/i.test(plain)) return true;
  return [...plain.matchAll(/url\(\s*['"]?\s*(.?)/gi)].some((match) => match[1] !== "#");
}

/** A text without spaces and control characters, which browsers drop from URLs. */
function withoutControls(text: string): string {
  let kept = "";
  for (const character of text) if (character > " ") kept += character;
  return kept;
}

/** Why an SVG is not passive, with the line of the part at fault. */
class NotPassive extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const xmlNamespace = "http://www.w3.org/XML/1998/namespace";

function checkSvgAttribute(element: string, attribute: SaxesAttributeNS, line: number): void {
  const name = attribute.prefix === "" ? attribute.local : `${attribute.prefix}:${attribute.local}`;
  const value = attribute.value;
  const fail = (why: string) => {
    throw new NotPassive(`<${element} ${name}="${value.slice(0, 60)}"> ${why}`, line);
  };
  if (/^on/i.test(attribute.local)) fail("is an event handler, which runs script");
  if (activeScheme.test(withoutControls(value))) fail("holds a script or document URL");
  const isLink =
    (attribute.local === "href" && (attribute.uri === "" || attribute.uri === xlinkNamespace)) ||
    attribute.local === "src";
  if (isLink && !value.trim().startsWith("#")) {
    fail("refers to another file or site; an icon or image refers only to its own parts (#id)");
  }
  if (attribute.local === "ping") fail("sends a request to another address when followed");
  if (attribute.uri === xmlNamespace && attribute.local === "base") {
    fail("moves every link of the file to another address");
  }
  if (
    attribute.local === "attributeName" &&
    /^(?:on|(?:xlink:)?href$|src$|style$|xml:base$|ping$)/i.test(value.trim())
  ) {
    fail("animates a link, a style or an event handler");
  }
  // Presentation attributes (fill, filter, mask, cursor …) and animation values are CSS too.
  if (cssLoadsFile(value)) fail("loads another file");
}

/** The document types an SVG may declare: the W3C's own, which browsers never fetch. */
function checkSvgDoctype(doctype: string, line: number): void {
  if (doctype.includes("[")) {
    throw new NotPassive("declares entities in its DOCTYPE, which can expand without end", line);
  }
  const external = /^\s*svg\s+(?:PUBLIC\s+(["'])[^"']*\1\s+|SYSTEM\s+)(["'])([^"']*)\2\s*$/i.exec(
    doctype,
  );
  if (/^\s*svg\s*$/i.test(doctype) || external?.[3]?.startsWith("http://www.w3.org/") === true) {
    return;
  }
  throw new NotPassive(
    `has the DOCTYPE "${doctype.trim().slice(0, 80)}", which refers to a file elsewhere; leave it out or use the W3C's SVG DOCTYPE`,
    line,
  );
}

/**
 * Whether an SVG is passive: well-formed XML with an `<svg>` root in the SVG namespace, and no
 * script elements, event handlers, `foreignObject` (which embeds HTML), elements of other
 * document languages (XHTML's `script` runs in an SVG opened on its own), references to other
 * files or sites (links, `xml:base`, `ping`, a DOCTYPE other than the W3C's, CSS in a style
 * sheet or any attribute that loads a file, however its comments and escapes spell it),
 * script or document URLs (`javascript:`, `data:text/html`, also when spelled with tabs or
 * entities), animations that rewrite links or handlers, processing instructions
 * (`xml-stylesheet` can apply XSLT, which writes HTML) or entity declarations. Throws a
 * `ContentError` naming the file and line of the first problem.
 */
export function checkSvg(text: string, file: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  const open: string[] = [];
  parser.on("doctype", (doctype) => {
    checkSvgDoctype(doctype, parser.line);
  });
  parser.on("processinginstruction", (instruction) => {
    throw new NotPassive(
      `has the processing instruction <?${instruction.target}?>, which can make a browser apply a style sheet or XSLT`,
      parser.line,
    );
  });
  parser.on("opentag", (tag) => {
    const line = parser.line;
    if (depth === 0 && (tag.local !== "svg" || tag.uri !== svgNamespace)) {
      throw new NotPassive("does not start with an <svg> element in the SVG namespace", line);
    }
    if (tag.uri !== svgNamespace && !metadataNamespaces.has(tag.uri)) {
      throw new NotPassive(
        `has <${tag.name}>, an element of another document language (${tag.uri || "none"}), which a browser may run`,
        line,
      );
    }
    if (tag.local === "script") throw new NotPassive("has a <script> element", line);
    if (tag.local === "handler" || tag.local === "listener") {
      throw new NotPassive(`has a <${tag.local}> element, which SVG Tiny runs as script`, line);
    }
    if (tag.local === "foreignObject") {
      throw new NotPassive("has a <foreignObject> element, which embeds HTML", line);
    }
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === "xmlns" || attribute.local === "xmlns") continue;
      checkSvgAttribute(tag.local, attribute, line);
    }
    open.push(tag.local);
    depth++;
  });
  // A style sheet is read whole: text, CDATA sections and what comments split are one CSS text.
  let style = "";
  parser.on("closetag", (tag) => {
    open.pop();
    depth--;
    if (tag.local === "style") {
      if (cssLoadsFile(style)) {
        throw new NotPassive("has a <style> element that loads another file", parser.line);
      }
      style = "";
    }
  });
  const collectStyle = (css: string) => {
    if (open.at(-1) === "style") style += css;
  };
  parser.on("text", collectStyle);
  parser.on("cdata", collectStyle);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof NotPassive) {
      throw new ContentError(
        `is not a passive image: it ${error.message}. Only passive files are published: save the SVG without it (e.g. with an editor's "plain SVG" export)`,
        { file, line: error.line },
      );
    }
    // saxes reports where it stopped as "file:line:column: message".
    const reason = (error as Error).message.replace(/^[^:]*:\d+:\d+: /, "");
    throw new ContentError(`is not a well-formed SVG file (${reason})`, {
      file,
      line: parser.line,
    });
  }
}

/**
 * Checks one file of `assets/` (`bytes` as read): its type must be one `assetTypes` lists,
 * its content must be what its extension says, text must be UTF-8 (`decode`) and an SVG
 * passive (see `checkSvg`). The first problem stops the build with the file named.
 */
export function checkAsset(
  file: string,
  bytes: Uint8Array,
  decode: (bytes: Uint8Array, file: string) => string,
): void {
  const type = assetTypeOf(file);
  if (type === undefined) {
    throw new ContentError(
      `is not a type of file the site publishes from assets/: only stylesheets, web fonts, images and icons are (${Object.keys(assetTypes).join(", ")}), never HTML, XML or scripts`,
      { file },
    );
  }
  if (type.kind === "binary") {
    if (!type.matches(bytes)) {
      throw new ContentError(
        `is named as a ${type.name} but is not one: save it in that format or give it the extension of its real type`,
        { file },
      );
    }
    return;
  }
  const text = decode(bytes, file);
  if (type.kind === "svg") checkSvg(text, file);
}

/**
 * The media type a static server sends a file with, judged by its name as sirv (which serves
 * the site to the accessibility gate) and the common hosts judge it, or undefined for a name
 * they do not know, which they send as a download (`application/octet-stream`).
 */
export function servedMediaType(file: string): string | undefined {
  return lookup(path.posix.basename(file));
}

/** Media types a browser shows as a document of their own, where script can run. */
const documentTypes = new Set([
  "text/html",
  "application/xhtml+xml",
  "image/svg+xml",
  "application/mathml+xml",
  "text/mathml",
]);

const isXmlType = (mediaType: string) =>
  /^(?:text|application)\/(?:[\w.-]+\+)?xml$/.test(mediaType);

const xhtmlNamespace = "http://www.w3.org/1999/xhtml";
/** The document languages a browser renders from any XML file, and runs the scripts of. */
const renderedNamespaces = new Set([
  xhtmlNamespace,
  svgNamespace,
  "http://www.w3.org/1998/Math/MathML",
]);

/** What makes an XML file a document a browser renders, and where. */
export interface RenderedPart {
  what: string;
  line: number;
}

/**
 * What would make a browser render an XML file as a document (and run its scripts) rather
 * than show it as data, or undefined when nothing would: an element of XHTML, SVG or MathML
 * (except XHTML's `<link rel="alternate">`, with which sitemaps name a page's languages and
 * which loads nothing), a processing instruction (`xml-stylesheet` applies XSLT or CSS) or a
 * DOCTYPE. XML that is not well-formed counts as rendered: a browser shows what it read before
 * the error.
 */
export function xmlRenderedPart(text: string): RenderedPart | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let found: RenderedPart | undefined;
  const note = (what: string) => {
    found ??= { what, line: parser.line };
  };
  parser.on("doctype", () => {
    note("a DOCTYPE");
  });
  parser.on("processinginstruction", (instruction) => {
    note(`the processing instruction <?${instruction.target}?>`);
  });
  parser.on("opentag", (tag) => {
    if (!renderedNamespaces.has(tag.uri)) return;
    const alternate =
      tag.uri === xhtmlNamespace &&
      tag.local === "link" &&
      Object.keys(tag.attributes).every((name) => ["rel", "hreflang", "href"].includes(name)) &&
      tag.attributes.rel?.value === "alternate";
    if (!alternate) note(`the element <${tag.name}> of ${tag.uri}`);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    const reason = (error as Error).message.replace(/^[^:]*:\d+:\d+: /, "");
    note(`XML that is not well-formed (${reason})`);
  }
  return found;
}

/**
 * Whether a browser renders a file as a document when it is opened, whatever its name says to
 * people: HTML in any spelling, XHTML, SVG and MathML by the media type it is served with
 * (`servedMediaType`), and XML that holds their elements (`xmlRenderedPart`). `read` gives the
 * file's bytes; only XML is read.
 */
export function rendersAsDocument(file: string, read: () => Uint8Array): boolean {
  const mediaType = servedMediaType(file);
  if (mediaType === undefined) return false;
  if (documentTypes.has(mediaType)) return true;
  return isXmlType(mediaType) && xmlRenderedPart(new TextDecoder().decode(read())) !== undefined;
}
