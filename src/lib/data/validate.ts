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
