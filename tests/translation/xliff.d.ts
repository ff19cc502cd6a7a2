// The `xliff` package (locize) ships no types; the tests use its two readers.
declare module "xliff" {
  /** A parsed exchange file: segments by file (`original`) and id. */
  export interface XliffJs {
    sourceLanguage: string;
    targetLanguage: string;
    resources: Record<
      string,
      Record<string, { source: unknown; target?: unknown; note?: unknown }>
    >;
  }
  export function xliff12ToJs(text: string): Promise<XliffJs>;
  export function xliff2js(text: string): Promise<XliffJs>;
}
