import { languages, type Language } from "../../src/lib/languages.ts";

/**
 * Words the synthetic pages are made of: German words for the first language of the list,
 * English words for the others, so that no text of one language can ever equal another's (the
 * duplicate check would call that untranslated) and each page reads as a language to a person
 * skimming it. Nouns and function words are mixed roughly as in prose about the health economy.
 */
const vocabularies = {
  german: `
    der die das den dem des ein eine einen einem einer und oder aber denn sondern doch auch noch
    schon nur sehr viel viele wenige mehr weniger hier dort heute morgen gestern immer oft selten
    bald zuerst danach später zusammen gemeinsam besonders vor allem jedoch außerdem deshalb dabei
    darüber daneben dafür damit davon zudem zugleich bereits künftig landesweit regional örtlich
    mit ohne für gegen durch über unter neben zwischen nach seit während wegen trotz bei von zu aus
    ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können soll sollen muss
    müssen darf dürfen will wollen bleibt bleiben entsteht entstehen wächst wachsen verbindet
    verbinden fördert fördern stärkt stärken begleitet begleiten erarbeitet erarbeiten nutzt nutzen
    bietet bieten braucht brauchen zeigt zeigen plant planen prüft prüfen beschäftigt beschäftigen
    versorgt versorgen entwickelt entwickeln gestaltet gestalten unterstützt unterstützen
    Gesundheit Wirtschaft Versorgung Pflege Forschung Lehre Wissenschaft Medizin Technik Klinik
    Krankenhaus Krankenhäuser Apotheke Apotheken Praxis Praxen Labor Labore Betrieb Betriebe Firma
    Firmen Unternehmen Beschäftigte Mitarbeitende Fachkräfte Ärztinnen Ärzte Pflegekräfte Hebammen
    Therapeuten Patientinnen Patienten Angehörige Bürgerinnen Bürger Gemeinden Kreise Städte Dörfer
    Land Bund Region Regionen Standort Standorte Netzwerk Netzwerke Verbund Cluster Zentrum Campus
    Hochschule Hochschulen Universität Institut Stiftung Verwaltung Behörde Ministerium Kammer
    Verband Verbände Kasse Krankenkasse Versicherung Vorsorge Vorbeugung Rehabilitation Beratung
    Ausbildung Weiterbildung Studium Nachwuchs Arbeitsplatz Arbeitsplätze Umsatz Haushalt Mittel
    Förderung Programm Projekt Projekte Vorhaben Konzept Konzepte Strategie Plan Masterplan Ziel
    Ziele Aufgabe Aufgaben Thema Themen Schwerpunkt Schwerpunkte Bereich Bereiche Branche Markt
    Produkt Produkte Gerät Geräte Arznei Arzneimittel Hilfsmittel Prothese Sensor Daten Software
    Plattform Anwendung Telemedizin Digitalisierung Vernetzung Qualität Sicherheit Zugang Nähe
    Alltag Zukunft Wandel Bedarf Angebot Angebote Nachfrage Erfahrung Wissen Austausch Zusammenarbeit
    Partner Partnerschaft Gründung Gründungen Idee Ideen Lösung Lösungen Frage Fragen Antwort
    wichtig wichtige neu neue neuen stark starke starken klein kleine groß große großen modern
    moderne digital digitale ländlich ländliche städtisch öffentlich öffentliche privat private
    gesund gesunde sicher sichere nah nahe erfolgreich erfolgreiche nachhaltig nachhaltige offen
    gemeinsame innovative innovativ vernetzte vernetzt ambulante ambulant stationäre stationär
    medizinische medizinisch pflegerische pflegerisch wirtschaftliche wirtschaftlich vielfältige
    zahlreiche weitere eigene jährlich jährliche dauerhaft verlässlich verlässliche schnell schnelle
    Brandenburg Berlin Potsdam Cottbus Bochum Aachen Münster Köln Bonn Dortmund Essen Bielefeld
  `
    .split(/\s+/)
    .filter((word) => word !== ""),
  english: `
    the a an this that these those and or but so yet also still just very much many few more less
    here there today tomorrow yesterday always often rarely soon first then later together jointly
    especially mainly however moreover therefore meanwhile besides thereby already nationwide
    regionally locally with without for against through over under beside between after since
    during because despite near from into onto across within around is are was were will would
    has have had can could should must may might stays stay grows grow connects connect supports
    support promotes promote strengthens strengthen develops develop uses use offers offer needs
    need shows show plans plan checks check employs employ serves serve shapes shape builds build
    leads lead brings bring helps help opens open trains train funds fund links link improves
    improve health economy care nursing research teaching science medicine technology clinic
    hospital hospitals pharmacy pharmacies practice practices laboratory laboratories business
    businesses firm firms company companies employees staff workers doctors nurses midwives
    therapists patients relatives residents citizens towns districts cities villages state
    country region regions location locations network networks alliance cluster centre campus
    college colleges university institute foundation administration authority ministry chamber
    association associations insurer insurance prevention rehabilitation advice counselling
    training education studies apprentices jobs revenue budget funding programme project projects
    plan plans concept concepts strategy goal goals task tasks topic topics focus field fields
    sector market product products device devices medicines aids prosthesis sensor data software
    platform application telemedicine digitisation quality safety access proximity everyday life
    future change demand supply experience knowledge exchange cooperation partner partnership
    startup startups idea ideas solution solutions question questions answer answers people
    important new strong small large big modern digital rural urban public private healthy safe
    close successful sustainable open shared innovative connected outpatient inpatient medical
    economic diverse numerous further own annual lasting reliable fast young skilled local
    Brandenburg Berlin Potsdam Cottbus Bochum Aachen Münster Cologne Bonn Dortmund Essen Bielefeld
  `
    .split(/\s+/)
    .filter((word) => word !== ""),
};

/** The words of one language of the synthetic site. */
export interface SyntheticLanguage {
  words: readonly string[];
  /** Words that start the link to the next page of the same language, as a reader would expect. */
  nextPageLead: string;
  /** What the page titles are called, before their number. */
  titleWord: string;
  /** The file names' stem, before their number. */
  fileStem: string;
}

const german: SyntheticLanguage = {
  words: vocabularies.german,
  nextPageLead: "Weiter geht es mit",
  titleWord: "Bericht",
  fileStem: "bericht",
};
const english: SyntheticLanguage = {
  words: vocabularies.english,
  nextPageLead: "Read on in",
  titleWord: "Report",
  fileStem: "report",
};

/**
 * The words of a language of the synthetic site: German for the list's first language, English
 * for the second; a third or later language writes the English words with its code appended
 * ("report-fr"), so no two languages share a paragraph.
 */
export function syntheticLanguage(language: Language): SyntheticLanguage {
  const position = languages.indexOf(language);
  if (position <= 1) return position === 0 ? german : english;
  const mark = (word: string) => `${word}-${language.toLowerCase()}`;
  return {
    words: english.words.map(mark),
    nextPageLead: english.nextPageLead,
    titleWord: mark(english.titleWord),
    fileStem: mark(english.fileStem),
  };
}
