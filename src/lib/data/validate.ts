import type { z } from "zod";
import { ContentError } from "../errors.ts";

function dottedPath(issuePath: readonly PropertyKey[]): string {
  return issuePath.map(String).join(".");
}

/** Validates one module's default export; the first problem is reported with its field. */
export function validateDataModule<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  value: unknown,
): z.infer<Schema> {
  if (value === undefined) {
    throw new ContentError("the module has no default export (write `export default { … }`)", {
      file,
    });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new ContentError(`invalid value: ${issue?.message ?? "does not match its schema"}`, {
    file,
    key: dottedPath(issue?.path ?? []),
  });
}

/**
 * A module that could not be loaded (a syntax error, a throw while it runs) as a content error
 * on one line. tsx's compiler (esbuild) puts the mistake below a first line of its own
 * ("Transform failed with 1 error:") as `file:line:column: ERROR: reason`: the line and column
 * become the location, the reason the message.
 */
export function loadFailure(file: string, error: unknown): ContentError {
  const message = error instanceof Error ? error.message : String(error);
  const syntax = /:(\d+):(\d+): ERROR: (.+)$/m.exec(message);
  if (syntax !== null) {
    return new ContentError(`the data module is not valid TypeScript: ${syntax[3] ?? ""}`, {
      file,
      line: Number(syntax[1]),
      column: Number(syntax[2]),
    });
  }
  const firstLine = message.split("\n")[0] ?? "";
  const reason = error instanceof Error ? `${error.name}: ${firstLine}` : firstLine;
  return new ContentError(`the data module could not be loaded: ${reason}`, { file });
}
