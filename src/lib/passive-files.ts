import path from "node:path";
import { SaxesParser, type SaxesAttributeNS } from "saxes";
import { ContentError } from "./errors.ts";

/** How a published file of one type is recognised: its first bytes, or its text. */
type AssetType =
  | { kind: "binary"; name: string; matches: (bytes: Uint8Array) => boolean }
  | { kind: "stylesheet" }
  | { kind: "svg" };

const ascii = (bytes: Uint8Array, start: number, text: string) =>
  Array.from(text, (_, index) => text.charCodeAt(index)).every(
    (code, index) => bytes[start + index] === code,
  );
const startsWith = (bytes: Uint8Array, ...prefix: number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

/** Binary types, recognised by their signatures (the formats' own "magic numbers"). */
const binary = (name: string, matches: (bytes: Uint8Array) => boolean): AssetType => ({
  kind: "binary",
  name,
  matches,
});
const png = binary("PNG image", (b) =>
  startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
);
const jpeg = binary("JPEG image", (b) => startsWith(b, 0xff, 0xd8, 0xff));

/**
 * What `assets/` may hold, by extension: stylesheets, web fonts, images and icons, the files a
 * browser applies or shows but never runs. Everything else (HTML in any spelling, XML, scripts,
 * PDFs, archives) is refused, since a file published as it is would reach readers unchecked.
 */
export const assetTypes: Readonly<Record<string, AssetType>> = {
  css: { kind: "stylesheet" },
  svg: { kind: "svg" },
  woff2: binary("WOFF2 font", (b) => ascii(b, 0, "wOF2")),
  woff: binary("WOFF font", (b) => ascii(b, 0, "wOFF")),
  png,
  jpg: jpeg,
  jpeg,
  gif: binary("GIF image", (b) => ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")),
  webp: binary("WebP image", (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")),
  avif: binary(
    "AVIF image",
    (b) => ascii(b, 4, "ftyp") && (ascii(b, 8, "avif") || ascii(b, 8, "avis")),
  ),
  ico: binary("icon", (b) => startsWith(b, 0x00, 0x00, 0x01, 0x00)),
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
/** CSS that loads something: an import, or a `url()` that is not a fragment of the file. */
const loadingCss = /@import|url\(\s*(?!['"]?#)/i;

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
  if (attribute.local === "attributeName" && /^(?:on|(?:xlink:)?href$|src$|style$)/i.test(value)) {
    fail("animates a link, a style or an event handler");
  }
  if (attribute.local === "style" && loadingCss.test(value)) fail("loads another file");
}

/**
 * Whether an SVG is passive: well-formed XML with an `<svg>` root in the SVG namespace, and no
 * script elements, event handlers, `foreignObject` (which embeds HTML), elements of other
 * document languages (XHTML's `script` runs in an SVG opened on its own), references to other
 * files or sites, script or document URLs (`javascript:`, `data:text/html`, also when spelled
 * with tabs or entities), animations that rewrite links or handlers, style sheets that load
 * anything, processing instructions (`xml-stylesheet` can apply XSLT, which writes HTML) or
 * entity declarations. Throws a `ContentError` naming the file and line of the first problem.
 */
export function checkSvg(text: string, file: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  const open: string[] = [];
  parser.on("doctype", (doctype) => {
    if (doctype.includes("[")) {
      throw new NotPassive(
        "declares entities in its DOCTYPE, which can expand without end",
        parser.line,
      );
    }
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
  parser.on("closetag", () => {
    open.pop();
    depth--;
  });
  const checkStyle = (css: string) => {
    if (open.at(-1) === "style" && loadingCss.test(css)) {
      throw new NotPassive("has a <style> element that loads another file", parser.line);
    }
  };
  parser.on("text", checkStyle);
  parser.on("cdata", checkStyle);
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
