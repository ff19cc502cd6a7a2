import { describe, expect, it } from "vitest";
import publisherData from "../../data/publisher.ts";
import { publisherModule } from "../../src/lib/data/schemas.ts";
import { isOfficialSite } from "../../src/lib/publisher.ts";

const shipped = publisherModule.parse(publisherData);
const filled = (value: string) => ({ placeholder: false as const, value });

describe("isOfficialSite", () => {
  it("is false while the publisher in data/publisher.ts is still a placeholder", () => {
    expect(isOfficialSite(shipped)).toBe(false);
  });

  it("is true once the body has filled in its name, address and representative, and false with any of them missing", () => {
    const confirmed = {
      ...shipped,
      organisation: filled("Landesamt für Beispiele"),
      street: filled("Musterstraße 1"),
      postcodeAndTown: filled("14467 Potsdam"),
      representedBy: filled("Erika Mustermann"),
    };
    expect(isOfficialSite(confirmed)).toBe(true);
    expect(isOfficialSite({ ...confirmed, street: shipped.street })).toBe(false);
  });
});
