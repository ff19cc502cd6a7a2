/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { CDPSession, Page } from "puppeteer-core";

// Names each added sheet, so that removing it removes that one and no other.
let addedSheets = 0;

/**
 * Runs `work` with a style sheet added to the page, and removes it afterwards, so the probes
 * after it see the page's own styles. Tabs bypass the page's content security policy, which
 * forbids added styles (see `openCheckTab`). The sheet is added and removed by one call into
 * the page each: Puppeteer's `addStyleTag` takes three (add, wait, release its handle), and
 * the probes add four sheets per page.
 */
export async function withInjectedStyle<T>(
  tab: Page,
  css: string,
  work: () => Promise<T>,
): Promise<T> {
  const marker = String(++addedSheets);
  await tab.evaluate(
    (content: string, value: string) => {
      const style = document.createElement("style");
      style.textContent = content;
      style.dataset.a11yGate = value;
      document.head.append(style);
    },
    css,
    marker,
  );
  try {
    return await work();
  } finally {
    await tab.evaluate((value: string) => {
      document.querySelector(`style[data-a11y-gate="${CSS.escape(value)}"]`)?.remove();
    }, marker);
  }
}

/**
 * Media features every check tab has: no motion, so that smooth scrolling and animations
 * neither cost time nor leave a probe looking at a page in mid-scroll.
 */
const BASE_FEATURES = [{ name: "prefers-reduced-motion", value: "reduce" }];

/** Sets the tab's emulated media: the base features plus `media`. */
async function emulate(
  session: CDPSession,
  media: { type?: "print"; features?: { name: string; value: string }[] },
): Promise<void> {
  await session.send("Emulation.setEmulatedMedia", {
    media: media.type ?? "",
    features: [...BASE_FEATURES, ...(media.features ?? [])],
  });
}

// One session per tab, open as long as the tab lives: emulation set through a session ends
// when it is detached, and opening one for each change costs two more calls into the browser.
const mediaSessions = new WeakMap<Page, Promise<CDPSession>>();

/** The tab's own session with Chromium, open as long as the tab lives. */
export function tabSession(tab: Page): Promise<CDPSession> {
  let session = mediaSessions.get(tab);
  if (session === undefined) {
    session = tab.createCDPSession();
    mediaSessions.set(tab, session);
  }
  return session;
}

/** Gives a new tab the base media features, for as long as the tab lives. */
export async function emulateBaseMedia(tab: Page): Promise<void> {
  await emulate(await tabSession(tab), {});
}

/**
 * Runs `work` with a CSS media type or features emulated (print, forced colours), and returns
 * to the base features afterwards. It speaks to Chromium directly: Puppeteer's own media
 * emulation refuses features it does not know, `forced-colors` among them.
 */
export async function withEmulatedMedia<T>(
  tab: Page,
  media: { type?: "print"; features?: { name: string; value: string }[] },
  work: () => Promise<T>,
): Promise<T> {
  const session = await tabSession(tab);
  await emulate(session, media);
  try {
    return await work();
  } finally {
    await emulate(session, {});
  }
}
