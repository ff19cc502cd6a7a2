import { describe, expect, it } from "vitest";
import { parseAllowList, type Allowed } from "../../../src/checks/leichte-sprache/allow-list.ts";
import { checkEasyLanguagePage } from "../../../src/checks/leichte-sprache/check.ts";
import type { Language } from "../../../src/lib/languages.ts";

const nothingAllowed: Allowed = () => false;

function findings(body: string, language: Language, allowed = nothingAllowed) {
  return checkEasyLanguagePage(
    {
      file: `src/site/${language}/page.md`,
      language,
      ruleSet: language === "de" ? "leichte-sprache" : "easy-read",
      body,
      bodyLine: 5,
    },
    allowed,
  ).findings;
}

function rulesHit(body: string, language: Language): string[] {
  return findings(body, language).map((finding) => `${finding.severity}:${finding.rule}`);
}

// Each rule with a sentence that breaks it and a similar one that keeps it.
const cases: { rule: string; severity: string; language: Language; bad: string; good: string }[] = [
  {
    rule: "sentence-length",
    severity: "error",
    language: "de",
    bad: "Auf dieser Seite stehen viele Zahlen über die Arbeit in den Kranken·häusern und Apotheken in Berlin und Brandenburg.",
    good: "Auf dieser Seite stehen viele Zahlen über die Arbeit in Kranken·häusern.",
  },
  {
    rule: "sentence-length",
    severity: "error",
    language: "en",
    bad: "This page has a lot of numbers about the work in hospitals and chemists in Berlin and Brandenburg.",
    good: "This page has a lot of numbers about work in hospitals.",
  },
  {
    rule: "one-sentence-per-line",
    severity: "error",
    language: "de",
    bad: "Oben ist eine Liste. Klicken Sie darauf.",
    good: "Oben ist eine Liste.\n\nKlicken Sie darauf.",
  },
  {
    rule: "abbreviation",
    severity: "error",
    language: "de",
    bad: "Dort arbeiten z. B. Apotheken.",
    good: "Dort arbeiten zum Beispiel Apotheken.",
  },
  {
    rule: "abbreviation",
    severity: "error",
    language: "de",
    bad: "Die Zahlen kommen aus NRW.",
    good: "Die Zahlen kommen aus Nordrhein-Westfalen.",
  },
  {
    rule: "abbreviation",
    severity: "error",
    language: "en",
    bad: "There are many firms, e.g. chemists.",
    good: "There are many firms, for example chemists.",
  },
  {
    rule: "roman-numeral",
    severity: "error",
    language: "de",
    bad: "Das steht in Teil II.",
    good: "Das steht in Teil 2.",
  },
  {
    rule: "semicolon",
    severity: "error",
    language: "de",
    bad: "Oben ist eine Liste; unten sind Wörter.",
    good: "Oben ist eine Liste.",
  },
  {
    rule: "semicolon",
    severity: "error",
    language: "en",
    bad: "There is a list; there are words.",
    good: "There is a list.",
  },
  {
    rule: "parenthesis",
    severity: "error",
    language: "de",
    bad: "Die Stadt (Potsdam) nennt Beispiele.",
    good: "Die Stadt [Potsdam](/de/potsdam/){lang=de} nennt Beispiele.",
  },
  {
    rule: "parenthesis",
    severity: "error",
    language: "en",
    bad: "The city (Potsdam) gives examples.",
    good: "The city of [Potsdam](/en/potsdam/) gives examples.",
  },
  {
    rule: "long-word",
    severity: "error",
    language: "de",
    bad: "Das sind Krankenhäuser.",
    good: "Das sind Kranken·häuser.",
  },
  {
    rule: "long-word",
    severity: "error",
    language: "de",
    bad: "Hier steht die Seitenübersicht.",
    good: "Hier steht die Seiten·übersicht.",
  },
  {
    rule: "long-simple-word",
    severity: "warning",
    language: "de",
    bad: "Die Firma repräsentiert viele Menschen.",
    good: "Die Firma steht für viele Menschen.",
  },
  {
    rule: "number-word",
    severity: "error",
    language: "de",
    bad: "Es gibt zwei Texte.",
    good: "Es gibt 2 Texte.",
  },
  {
    rule: "number-word",
    severity: "error",
    language: "en",
    bad: "There are two texts.",
    good: "There are 2 texts.",
  },
  {
    rule: "percent-sign",
    severity: "error",
    language: "de",
    bad: "Dort arbeiten 80 % der Menschen.",
    good: "Dort arbeiten 8 von 10 Menschen.",
  },
  {
    rule: "negation",
    severity: "warning",
    language: "de",
    bad: "Das Video ist nicht fertig.",
    good: "Das Video kommt später.",
  },
  {
    rule: "implicit-negation",
    severity: "warning",
    language: "de",
    bad: "Ein Video fehlt noch.",
    good: "Bis jetzt gibt es nur Texte.",
  },
  {
    rule: "implicit-negation",
    severity: "warning",
    language: "de",
    bad: "Sie sind mit unserer Antwort unzufrieden?",
    good: "Sie brauchen nach unserer Antwort noch Hilfe?",
  },
  {
    rule: "implicit-negation",
    severity: "warning",
    language: "de",
    bad: "Die Hilfe ist sinnlos.",
    good: "Die Hilfe ist kostenlos.",
  },
  {
    rule: "subjunctive",
    severity: "warning",
    language: "de",
    bad: "Das wäre gut.",
    good: "Das ist gut.",
  },
  {
    rule: "genitive",
    severity: "warning",
    language: "de",
    bad: "Das ist die Seite des Vereins.",
    good: "Das ist die Seite vom Verein.",
  },
  {
    rule: "genitive-der",
    severity: "warning",
    language: "de",
    bad: "Das ist die Seite der Stadt.",
    good: "Das ist die Seite von der Stadt.",
  },
  {
    rule: "genitive-der",
    severity: "warning",
    language: "de",
    bad: "Dort steht der Name der Stadt.",
    good: "Zuerst der Name und dann die Adresse.",
  },
  {
    rule: "genitive-der",
    severity: "warning",
    language: "de",
    bad: "Zum Beispiel: Die Seite der Stadt.",
    good: "Zum Beispiel: Morgen der Termin.",
  },
  {
    rule: "wenn-clause",
    severity: "warning",
    language: "de",
    bad: "Wenn Sie eine Frage haben, rufen Sie an.",
    good: "Sie haben eine Frage?\n\nDann rufen Sie an.",
  },
  {
    rule: "unexplained-word",
    severity: "error",
    language: "de",
    bad: "Das Cluster steht für viele Firmen.",
    good: "Cluster bedeutet: Viele Firmen arbeiten zusammen.\n\nDas Cluster steht für viele Firmen.",
  },
  {
    rule: "unexplained-word",
    severity: "error",
    language: "de",
    bad: "Eine Gruppe moderiert die Themen.",
    good: "Eine Gruppe moderiert die Themen.\n\nDas bedeutet: Sie leitet das Gespräch.",
  },
  {
    rule: "unexplained-word",
    severity: "error",
    language: "de",
    bad: "Oben ist ein Menü.\n\nKlicken Sie auf eine Seite im Menü.\n\nEin Menü ist eine Liste.",
    good: "Oben ist ein Menü.\n\nDas bedeutet: eine Liste mit Links.\n\nLinks sind Wörter zum Anklicken.",
  },
  {
    rule: "unexplained-word",
    severity: "error",
    language: "en",
    bad: "There is a menu at the top.\n\nClick on it.",
    good: "There is a menu at the top.\n\nA menu is a list of pages.",
  },
  {
    rule: "unexplained-word",
    severity: "error",
    language: "de",
    bad: "Das Cluster ist groß.",
    good: "Ein Cluster ist eine Gruppe von Firmen.\n\nDas Cluster ist groß.",
  },
  {
    rule: "unexplained-word",
    severity: "error",
    language: "de",
    bad: "Der Masterplan ist von 2020.",
    good: "Der Masterplan ist von 2020.\n\nEin Masterplan ist ein Plan für viele Jahre.",
  },
  {
    rule: "unexplained-word",
    severity: "error",
    language: "de",
    bad: "Die Quellen sind alt.",
    good: "Diese 2 Texte nennen wir: Quellen.",
  },
  {
    rule: "unexplained-word",
    severity: "error",
    language: "en",
    bad: "The cluster is big.",
    good: "A cluster is a group of firms.\n\nThe cluster is big.",
  },
  {
    rule: "unexplained-word",
    severity: "error",
    language: "en",
    bad: "Links are important.",
    good: "Links are words you can click on.",
  },
  {
    rule: "unexplained-word",
    severity: "error",
    language: "en",
    bad: "The sources are these 2 texts.",
    good: "We call these 2 texts: sources.",
  },
  {
    rule: "subordinate-clause",
    severity: "warning",
    language: "de",
    bad: "Wir schreiben, dass die Seite gut ist.",
    good: "Wir schreiben: Die Seite ist gut.",
  },
  {
    rule: "subordinate-clause",
    severity: "warning",
    language: "de",
    bad: "Sie bekommen eine Antwort, sobald wir Zeit haben.",
    good: "Wir haben bald Zeit.\n\nDann bekommen Sie eine Antwort.",
  },
  {
    rule: "subordinate-clause",
    severity: "warning",
    language: "de",
    bad: "Wir prüfen alles, so dass die Seite gut ist.",
    good: "Wir prüfen alles.\n\nDann ist die Seite gut.",
  },
  {
    rule: "passive",
    severity: "warning",
    language: "de",
    bad: "Die Seite wird geprüft.",
    good: "Wir prüfen die Seite.",
  },
  {
    rule: "passive",
    severity: "warning",
    language: "de",
    bad: "Der Plan wird umgesetzt.",
    good: "Die Stadt setzt den Plan um.",
  },
  {
    rule: "passive",
    severity: "warning",
    language: "de",
    bad: "Der Plan wurde verabschiedet.",
    good: "Wir werden die Seite verbessern.",
  },
  {
    rule: "passive",
    severity: "warning",
    language: "de",
    bad: "Die Seite wird moderiert.",
    good: "Eine Gruppe leitet die Seite.",
  },
];

describe("each Leichte Sprache and easy-read rule", () => {
  it.each(cases)("$rule ($language) objects to “$bad” but not to “$good”", (example) => {
    expect(rulesHit(example.bad, example.language)).toContain(
      `${example.severity}:${example.rule}`,
    );
    expect(rulesHit(example.good, example.language)).toEqual([]);
  });
});

describe("the positions the check reports", () => {
  it("are the file's own line and column, front matter and list indentation counted", () => {
    const [finding] = findings("## Oben\n\n- Das ist eine Liste; mehr nicht", "de");
    expect(finding?.location).toEqual({ file: "src/site/de/page.md", line: 7, column: 21 });
  });

  it("count a sentence written over two lines as one sentence", () => {
    const long =
      "Auf dieser Seite stehen viele Zahlen\nüber die Arbeit in Kranken·häusern und in Apotheken in Berlin und Brandenburg.";
    expect(rulesHit(long, "de")).toEqual(["error:sentence-length"]);
  });
});

describe("the allow-list", () => {
  const allowList = JSON.stringify({
    entries: [{ word: "Gesundheitscampus", reason: "The proper name of the campus in Bochum." }],
  });

  it("lets a listed proper name stand as a long word, but no other", () => {
    const allowed = parseAllowList("leichte-sprache-allow.json", allowList);
    expect(findings("Der Gesundheitscampus ist in Bochum.", "de", allowed)).toEqual([]);
    expect(
      findings("Die Versorgungsforschung ist wichtig.", "de", allowed).map((f) => f.rule),
    ).toEqual(["long-word"]);
  });

  it("refuses an entry without a reason, naming the file and entry", () => {
    expect(() =>
      parseAllowList(
        "leichte-sprache-allow.json",
        JSON.stringify({ entries: [{ word: "Gesundheitscampus" }] }),
      ),
    ).toThrow(/leichte-sprache-allow\.json \(entries\.0\.reason\): it has no "reason"/);
  });
});
