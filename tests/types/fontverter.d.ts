// fontverter ships plain CommonJS without types.
declare module "fontverter" {
  /** Converts a font between SFNT (TrueType/OpenType), WOFF and WOFF2. */
  export function convert(
    buffer: Uint8Array,
    toFormat: "sfnt" | "woff" | "woff2",
    fromFormat?: "sfnt" | "woff" | "woff2",
  ): Promise<Buffer>;
  const fontverter: { convert: typeof convert };
  export default fontverter;
}
