import slugify from "@sindresorhus/slugify";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../scripts/lib/random.ts";
import { createSlugger } from "../../src/lib/slug.ts";

const headings = [
  "Über uns",
  "Gesundheitswirtschaft in Nordrhein-Westfalen",
  "Der Gesundheitscampus in Bochum",
  "HealthCapital und E-Health-Start-ups",
  "NRW: 1,1 Millionen Beschäftigte",
  "Straße & Hausnummer",
  "Köln/Bonn – Gesundheit für Generationen",
  "It's the patients' don't-miss list",
  "APIs, XMLHttpRequest und ABC123",
  "  Leerzeichen\tund\u00a0Umbrüche\n",
  "„Zitat“ und «Guillemets» — Strich",
  "Łódź, Ærø, Œuvre, café, naïve",
  "Объединённый подъезд ЫЙ",
  "🦄 und ♥",
  "",
];

describe("createSlugger", () => {
  it("gives every heading the id slugify gives it", () => {
    const slug = createSlugger();
    for (const heading of headings) expect(slug(heading), heading).toBe(slugify(heading));
  });

  it("gives words of mixed case, umlauts, ß and digits the id slugify gives them", () => {
    const slug = createSlugger();
    const letters = "aAäÄöÖüÜßzZ09eE-";
    // Seeded: the same words on every run.
    const random = createRandom(1);
    for (let index = 0; index < 1000; index++) {
      const length = 1 + Math.floor(random() * 8);
      const word = Array.from(
        { length },
        () => letters[Math.floor(random() * letters.length)] ?? "",
      ).join("");
      expect(slug(word), word).toBe(slugify(word));
    }
  });

  it("gives the same id when a heading comes again", () => {
    const slug = createSlugger();
    expect(slug("Über uns")).toBe("ueber-uns");
    expect(slug("Über uns")).toBe("ueber-uns");
  });
});
