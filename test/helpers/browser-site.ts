// A built site served on 127.0.0.1 and one Chromium for a browser suite: opened together in its
// beforeAll, closed together in its afterAll (either may be missing when the set-up failed).
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export async function openSite(dist: string): Promise<{ browser: Browser; server: StaticServer }> {
  const [server, browser] = await Promise.all([serveStatic(dist), launchChromium()]);
  return { browser, server };
}

export async function closeSite(browser: Browser | undefined, server: StaticServer | undefined): Promise<void> {
  await browser?.close();
  await server?.close();
}
