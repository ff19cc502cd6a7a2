import { z } from "zod";
import { languages, sourceLanguage, type Language } from "../languages.ts";

/** A text of a data module: never empty. */
export const text = z.string().trim().min(1, "must not be empty");

/**
 * An object with one field per language of `data/languages.ts`: the source language's is
 * required, the others may be left out while a language is being translated (pages fall back
 * to the source language's, and `npm run build -- --production` refuses, naming each one).
 * A field for a language the list does not have is refused.
 */
export function perLanguage<Schema extends z.ZodType>(schema: Schema) {
  return Object.fromEntries(
    languages.map((language) => [
      language,
      language === sourceLanguage ? schema : schema.optional(),
    ]),
  ) as Record<Language, Schema | z.ZodOptional<Schema>>;
}

/** A text given in the languages of the site: in the source language always, in the others once translated. */
export const localizedText = z.strictObject(perLanguage(text));
/** A text by language; the source language's is always there. */
export type LocalizedText = Partial<Record<Language, string>>;

/** The text in `language`, or the source language's while it has none. */
export function textIn(value: LocalizedText, language: Language): string {
  return value[language] ?? value[sourceLanguage] ?? "";
}

/** The languages a text has no translation into yet. */
export function untranslatedLanguages(value: LocalizedText): Language[] {
  return languages.filter((language) => value[language] === undefined);
}
