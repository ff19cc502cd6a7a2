/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { CDPSession, Page } from "puppeteer-core";

/**
 * Runs `work` with a style sheet added to the page, and removes it afterwards, so the probes
 * after it see the page's own styles. Tabs bypass the page's content security policy, which
 * forbids added styles (see `openCheckTab`).
 */
export async function withInjectedStyle<T>(
  tab: Page,
  css: string,
  work: () => Promise<T>,
): Promise<T> {
  const style = await tab.addStyleTag({ content: css });
  try {
    return await work();
  } finally {
    await style.evaluate((element) => {
      element.remove();
    });
    await style.dispose();
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

/** Gives a new tab the base media features, for as long as the tab lives. */
export async function emulateBaseMedia(tab: Page): Promise<void> {
  // The session stays open: emulation set through a session ends when it is detached.
  await emulate(await tab.createCDPSession(), {});
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
  const session = await tab.createCDPSession();
  try {
    await emulate(session, media);
    try {
      return await work();
    } finally {
      await emulate(session, {});
    }
  } finally {
    await session.detach();
  }
}
