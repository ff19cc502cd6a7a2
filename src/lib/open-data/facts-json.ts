import { absoluteUrl } from "../base-url.ts";
import { qualifiers } from "../data/schemas.ts";
import { textIn } from "../data/localized.ts";
import { languages, toolLanguage } from "../languages.ts";
import { openDataPath, schemaFile } from "./files.ts";
import type { FactRecord, InEachLanguage } from "./records.ts";

/** What `facts.json` says about the dataset besides the facts. */
export interface FactsJsonOptions {
  baseUrl: string;
  title: InEachLanguage;
  /** The licence's URI, or null while `data/publisher.ts` holds a placeholder. */
  licence: string | null;
}

/** The address of `facts.schema.json` on the published site, its `$id`. */
export function factsSchemaUrl(baseUrl: string): string {
  return absoluteUrl(openDataPath(schemaFile), baseUrl);
}

/** `facts.json`: every fact with its machine values, texts in both languages and source. */
export function factsJson(records: readonly FactRecord[], options: FactsJsonOptions): string {
  const document = {
    $schema: factsSchemaUrl(options.baseUrl),
    title: options.title,
    licence: options.licence,
    facts: records,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const inEachLanguage = {
  type: "object",
  properties: Object.fromEntries(
    languages.map((language) => [language, { type: "string", minLength: 1 }]),
  ),
  required: [...languages],
  additionalProperties: false,
};
const nullableString = (pattern: string, description: string) => ({
  description,
  type: ["string", "null"],
  pattern,
});

/**
 * `facts.schema.json`: the JSON Schema (2020-12) `facts.json` conforms to. Its descriptions are
 * English, the language JSON Schema keywords are written in.
 */
export function factsSchema(options: Omit<FactsJsonOptions, "licence">): string {
  const { baseUrl } = options;
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: factsSchemaUrl(baseUrl),
    title: textIn(options.title, toolLanguage),
    type: "object",
    required: ["$schema", "title", "licence", "facts"],
    additionalProperties: false,
    properties: {
      $schema: { type: "string", const: factsSchemaUrl(baseUrl) },
      title: { $ref: "#/$defs/inEachLanguage" },
      licence: nullableString(
        "^https?://",
        "URI of the licence; null until the publishing body has chosen one",
      ),
      facts: { type: "array", minItems: 1, items: { $ref: "#/$defs/fact" } },
    },
    $defs: {
      inEachLanguage,
      fact: {
        type: "object",
        required: [
          "id",
          "region",
          "measure",
          "value",
          "unit",
          "qualifier",
          "label",
          "text",
          "source",
        ],
        additionalProperties: false,
        properties: {
          id: { type: "string", pattern: "^[a-z][a-zA-Z]*\\.[a-z][a-zA-Z]*$" },
          region: { type: "string", minLength: 1 },
          measure: { type: "string", minLength: 1 },
          value: { type: "number", minimum: 0 },
          unit: {
            description:
              "count: a number of people or companies; EUR: euros; share: a part of a whole between 0 and 1; year: a calendar year",
            enum: ["count", "EUR", "share", "year"],
          },
          qualifier: {
            description:
              "The word with which the source qualifies the figure, one value per word the sources use: almost (fast), over (über), moreThan (mehr als), about (etwa), approximately (ca.), around (rund); null when the source gives the figure plainly",
            enum: [...qualifiers, null],
          },
          label: { $ref: "#/$defs/inEachLanguage" },
          text: {
            $ref: "#/$defs/inEachLanguage",
            description: "The figure as the website writes it, with the source's qualifier",
          },
          source: {
            type: "object",
            required: [
              "id",
              "publisher",
              "publisherConfirmed",
              "publisherNote",
              "title",
              "language",
              "url",
              "retrievedOn",
            ],
            additionalProperties: false,
            properties: {
              id: { type: "string", minLength: 1 },
              publisher: { type: "string", minLength: 1 },
              publisherConfirmed: {
                type: "boolean",
                description:
                  "false while the source does not name its publisher and the attribution awaits confirmation",
              },
              publisherNote: {
                description:
                  "While the publisher is to be confirmed, why, in each language; null once it is confirmed",
                oneOf: [{ $ref: "#/$defs/inEachLanguage" }, { type: "null" }],
              },
              title: { type: "string", minLength: 1 },
              language: { enum: [...languages] },
              url: nullableString("^https?://", "null until the publisher has filled it in"),
              retrievedOn: nullableString(
                "^\\d{4}-\\d{2}-\\d{2}$",
                "The day the source was read; null until the publisher has filled it in",
              ),
            },
          },
        },
      },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
