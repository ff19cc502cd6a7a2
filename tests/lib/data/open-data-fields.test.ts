import { describe, expect, it } from "vitest";
import publisher from "../../../data/publisher.ts";
import { validateDataModule } from "../../../src/lib/data/load.ts";
import { publisherModule } from "../../../src/lib/data/schemas.ts";
import { contentErrorOf } from "../../support/errors.ts";

/** `data/publisher.ts` with one open-data value filled in. */
function withValue(key: string, value: unknown) {
  return { ...publisher, [key]: { placeholder: false, value } };
}

const licence = {
  uri: "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
  name: {
    de: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    en: "Data licence Germany – attribution – version 2.0",
  },
  text: "https://www.govdata.de/dl-de/by-2-0",
};

describe("the open-data values of data/publisher.ts", () => {
  it("accept a contributor URI, a licence of the vocabulary with its name and text, an email address and dates once filled in", () => {
    for (const [key, value] of [
      ["contributorId", "http://dcat-ap.de/def/contributors/beispielbehoerde"],
      ["licence", licence],
      ["dataContact", "daten@gesundheit.example"],
      ["dataIssuedOn", "2026-11-23"],
      ["dataModifiedOn", "2026-11-24"],
    ] as const) {
      expect(
        validateDataModule("data/publisher.ts", publisherModule, withValue(key, value))[
          key as keyof typeof publisher
        ],
      ).toEqual({ placeholder: false, value });
    }
  });

  it("refuse a licence outside DCAT-AP.de's vocabulary or without its text, a contributor that is no web address, a contact that is no email address and a date in another form, naming the field", () => {
    for (const [key, value, field] of [
      ["licence", { ...licence, uri: "https://example.org/my-licence" }, "licence.value.uri"],
      ["licence", { uri: licence.uri, name: licence.name }, "licence.value.text"],
      ["contributorId", "Beispielbehörde", "contributorId.value"],
      ["dataContact", "Daten-Team", "dataContact.value"],
      ["dataModifiedOn", "23.11.2026", "dataModifiedOn.value"],
    ] as const) {
      const error = contentErrorOf(() =>
        validateDataModule("data/publisher.ts", publisherModule, withValue(key, value)),
      );
      expect(error.location, `${key}: ${JSON.stringify(value)}`).toEqual({
        file: "data/publisher.ts",
        key: field,
      });
    }
  });

  it("refuse an update frequency that is not a code of the EU vocabulary", () => {
    const error = contentErrorOf(() =>
      validateDataModule("data/publisher.ts", publisherModule, {
        ...publisher,
        dataUpdateFrequency: "sometimes",
      }),
    );
    expect(error.location).toEqual({ file: "data/publisher.ts", key: "dataUpdateFrequency" });
  });
});
