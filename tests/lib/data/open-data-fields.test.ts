import { describe, expect, it } from "vitest";
import publisher from "../../../data/publisher.ts";
import { validateDataModule } from "../../../src/lib/data/load.ts";
import { publisherModule } from "../../../src/lib/data/schemas.ts";
import { contentErrorOf } from "../../support/errors.ts";

/** `data/publisher.ts` with one open-data value filled in. */
function withValue(key: "contributorId" | "licence" | "dataContact", value: string) {
  return { ...publisher, [key]: { placeholder: false, value } };
}

describe("the open-data values of data/publisher.ts", () => {
  it("accept a contributor URI, a licence URI and an email address once filled in", () => {
    for (const [key, value] of [
      ["contributorId", "http://dcat-ap.de/def/contributors/beispielbehoerde"],
      ["licence", "http://dcat-ap.de/def/licenses/dl-by-de/2.0"],
      ["dataContact", "daten@gesundheit.example"],
    ] as const) {
      expect(
        validateDataModule("data/publisher.ts", publisherModule, withValue(key, value))[key],
      ).toEqual({ placeholder: false, value });
    }
  });

  it("refuse a licence that is no web address and a contact that is no email address, naming the field", () => {
    for (const [key, value] of [
      ["licence", "dl-by-de/2.0"],
      ["contributorId", "Beispielbehörde"],
      ["dataContact", "Daten-Team"],
    ] as const) {
      const error = contentErrorOf(() =>
        validateDataModule("data/publisher.ts", publisherModule, withValue(key, value)),
      );
      expect(error.location).toEqual({ file: "data/publisher.ts", key: `${key}.value` });
    }
  });
});
