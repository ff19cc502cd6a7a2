import { createRequire } from "node:module";
import { join } from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { sourceLanguage } from "../../lib/languages.ts";
import type { Problem } from "./types.ts";

const require = createRequire(import.meta.url);

/**
 * Largest page html-validate is given. Its time grows faster than the page: here 6 KB took
 * 0.1 s, 175 KB 1.9 s and 700 KB (20,000 paragraphs) 18 s, a minute on a busy machine. It
 * runs in the gate's own thread and cannot be stopped midway, so larger pages are refused.
 */
export const MAX_MARKUP_BYTES = 256 * 1024;

/**
 * A configuration loader that resolves the configuration once. html-validate resolves it again
 * for every file (presets, rules, element metadata): 40 of 100 ms per page here. The
 * configuration does not depend on the file, so once is enough.
 */
class ResolveOnceLoader extends StaticConfigLoader {
  #resolved: ReturnType<StaticConfigLoader["getConfigFor"]> | undefined;

  override getConfigFor(handle: string, configOverride?: ConfigData) {
    if (configOverride !== undefined) return super.getConfigFor(handle, configOverride);
    this.#resolved ??= super.getConfigFor(handle);
    return this.#resolved;
  }
}

/** html-validate with the project's .htmlvalidate.cjs, also for sites built outside the project. */
export function createValidator(projectRoot: string): HtmlValidate {
  const config = require(join(projectRoot, ".htmlvalidate.cjs")) as ConfigData;
  return new HtmlValidate(new ResolveOnceLoader(config));
}

/**
 * Validates one page's served HTML and returns its errors (warnings are not failures), each
 * located as `file:line:col` in the built file. A page above MAX_MARKUP_BYTES is one problem.
 */
export async function validateMarkup(
  validator: HtmlValidate,
  html: string,
  file: string,
  url: string,
): Promise<Problem[]> {
  const bytes = Buffer.byteLength(html);
  if (bytes > MAX_MARKUP_BYTES) {
    return [
      {
        url,
        runner: "gate",
        rule: "markup-too-large",
        selector: `${file}:1:1`,
        message:
          `The page is ${Math.round(bytes / 1024)} KB of HTML; html-validate is given pages up to ` +
          `${MAX_MARKUP_BYTES / 1024} KB, as its time grows faster than the page. Split the page.`,
        context: "",
        severity: "error",
      },
    ];
  }
  const report = await validator.validateString(html, file);
  return report.results.flatMap((result) =>
    result.messages
      .filter((message) => message.severity === 2)
      .map((message): Problem => ({
        url,
        runner: "html-validate",
        rule: message.ruleId,
        selector: `${file}:${message.line}:${message.column}`,
        message: message.message,
        context: message.selector ?? "",
        severity: "error",
      })),
  );
}

/**
 * Has html-validate load its element metadata and compile its rules, which it does on its
 * first page: about 0.5 s of this thread here. The gate does it while Chromium starts, so the
 * first pages' tabs do not wait for it. Never rejects: a broken configuration fails again, and
 * is reported, on every page.
 */
export async function warmUpValidator(validator: HtmlValidate): Promise<void> {
  await validator
    .validateString(
      `<!doctype html><html lang="${sourceLanguage}"><head><title>Warm-up</title></head><body><main><h1>Warm-up</h1></main></body></html>`,
      "warm-up.html",
    )
    .catch(() => undefined);
}
