import { readFileSync } from "node:fs";
import path from "node:path";
import postcss from "postcss";
import { cached, hashOf } from "./build-cache.ts";

/** A font file the stylesheet declares with `@font-face`. */
export interface FontFace {
  family: string;
  weight: number;
  style: "normal" | "italic";
  /** Its address on the site, e.g. `/assets/fonts/fira-sans-400.woff2`. */
  url: string;
}

/** Reads the `@font-face` rules of a stylesheet: the fonts the site serves itself. */
export function fontFacesOf(css: string): FontFace[] {
  const faces: FontFace[] = [];
  postcss.parse(css).walkAtRules("font-face", (rule) => {
    const value = (name: string) => {
      let found = "";
      rule.walkDecls(name, (declaration) => {
        found = declaration.value;
      });
      return found;
    };
    const url = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(value("src"))?.[1];
    if (url === undefined) return;
    faces.push({
      family: value("font-family").replace(/^["']|["']$/g, ""),
      weight: Number(value("font-weight") || "400"),
      style: value("font-style") === "italic" ? "italic" : "normal",
      url,
    });
  });
  return faces;
}

/** How the KERN package names Fira Sans's weights (`dist/fonts/fira-sans/FiraSans-<name>.woff2`). */
const firaWeights: Record<number, string> = {
  100: "Thin",
  200: "ExtraLight",
  300: "Light",
  400: "Regular",
  500: "Medium",
  600: "SemiBold",
  700: "Bold",
  800: "ExtraBold",
  900: "Black",
};

/** The KERN package's font file for a declared face, or undefined if KERN has none. */
export function kernFontFile(face: FontFace, projectRoot: string): string | undefined {
  const weight = firaWeights[face.weight];
  if (face.family !== "Fira Sans" || weight === undefined) return undefined;
  const name = face.style === "italic" ? `${weight === "Regular" ? "" : weight}Italic` : weight;
  return path.join(
    projectRoot,
    "node_modules",
    "@kern-ux",
    "native",
    "dist",
    "fonts",
    "fira-sans",
    `FiraSans-${name}.woff2`,
  );
}

/**
 * Characters every subset keeps, whether or not a page has them yet: printable ASCII (digits,
 * punctuation, the URLs print styles write out), German letters and typography, the no-break
 * and soft hyphen characters with the hyphen browsers draw at a soft hyphen, and list bullets.
 */
const alwaysKept =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
  "ÄÖÜäöüß§€·–—‚‘’„“”…«»\u00a0\u00ad\u2010\u2011\u202f•◦▪";

// Characters above ASCII, a surrogate pair as one: written without Unicode properties, which
// would make scanning every page of a large site about three times slower.
const nonAscii = /[\u0080-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff]/g;
const numericReference = /&#(?:x([0-9a-f]+)|(\d+));/gi;

/** Adds the characters of a built page that are not plain ASCII to `into` (ASCII is always kept). */
export function collectCharacters(html: string, into: Set<string>): void {
  for (const match of html.matchAll(nonAscii)) into.add(match[0]);
  for (const match of html.matchAll(numericReference)) {
    const code = match[1] === undefined ? Number(match[2]) : Number.parseInt(match[1], 16);
    if (code > 0x7f && code <= 0x10ffff) into.add(String.fromCodePoint(code));
  }
}

/** The text a subset is made for: the characters always kept and those given, in a fixed order. */
export function subsetText(characters: Iterable<string>): string {
  const all = new Set<string>();
  for (const character of alwaysKept) all.add(character);
  for (const character of characters) all.add(character);
  return [...all].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join("");
}

/**
 * Name-table entries the subset keeps besides HarfBuzz's defaults: the licence's description
 * and address (13, 14), which the SIL Open Font License asks to travel with the font.
 */
const LICENCE_NAME_IDS = [13, 14];

/**
 * The font file cut down to the glyphs `text` needs (with what its layout features need, such
 * as ligatures), as WOFF2, by HarfBuzz's subsetter, with its copyright and licence entries.
 * Cached by font and text.
 */
export async function subsetFontFile(
  file: string,
  text: string,
  projectRoot: string,
): Promise<Uint8Array> {
  const font = readFileSync(file);
  const key = hashOf([font, text, LICENCE_NAME_IDS.join(",")]);
  return cached(projectRoot, "fonts", `${key}.woff2`, async () => {
    const { default: subsetFont } = await import("subset-font");
    return subsetFont(font, text, { targetFormat: "woff2", preserveNameIds: LICENCE_NAME_IDS });
  });
}
