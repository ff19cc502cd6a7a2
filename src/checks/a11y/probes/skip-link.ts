/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { GateWindow } from "../in-page.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** The first Tab reaches a skip link, and Enter on it moves focus into `<main>` (WCAG 2.4.1). */
export const skipLinkProbe: PageProbe = {
  rules: ["skip-link"],
  criteria: { "skip-link": ["2.4.1"] },
  async run(tab) {
    await tab.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      // The site may scroll smoothly; the next probe must see the page at rest.
      window.scrollTo({ top: 0, left: 0, behavior: "instant" });
    });
    await tab.keyboard.press("Tab");
    const first = await tab.evaluate(() => {
      const { describe } = (window as unknown as GateWindow).__a11yGate;
      const active = document.activeElement;
      const main = document.querySelector("main");
      if (active === null || active === document.body || active === document.documentElement) {
        return { focused: false, hasMain: main !== null, targetsMain: false, element: null };
      }
      const href = active.localName === "a" ? (active.getAttribute("href") ?? "") : "";
      let target: Element | null = null;
      if (href.startsWith("#") && href.length > 1) {
        try {
          target = document.getElementById(decodeURIComponent(href.slice(1)));
        } catch {
          target = null;
        }
      }
      return {
        focused: true,
        hasMain: main !== null,
        targetsMain: main !== null && target !== null && main.contains(target),
        element: describe(active),
      };
    });
    const finding = (message: string): ProbeFinding[] => [
      {
        rule: "skip-link",
        selector: first.element?.selector ?? "",
        context: first.element?.context ?? "",
        message,
      },
    ];
    if (!first.hasMain)
      return finding("The page has no <main> element for a skip link to lead to.");
    if (!first.focused || first.element === null) {
      return finding(
        "The first Tab press focuses nothing; the first focusable element must be a skip link to <main>.",
      );
    }
    if (!first.targetsMain) {
      return finding(
        `The first Tab press focuses "${first.element.text}" (${first.element.selector}), not a skip link to <main>.`,
      );
    }
    await tab.keyboard.press("Enter");
    const inMain = () => document.querySelector("main")?.contains(document.activeElement) === true;
    // Following a link within the page moves focus before the key press returns; waiting
    // (which sets up a poller in the page, three more calls) is only for pages where it did not.
    const landed =
      (await tab.evaluate(inMain)) ||
      (await tab
        .waitForFunction(inMain, { timeout: 2000, polling: 10 })
        .then(() => true)
        .catch(() => false));
    return landed
      ? []
      : finding(
          `Activating the skip link "${first.element.text}" with Enter does not move keyboard focus into <main>; ` +
            'give <main> an id and tabindex="-1".',
        );
  },
};
