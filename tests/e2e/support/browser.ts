import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export interface App {
  url: string;
  browser: Browser;
  server: ViteDevServer;
  close(): Promise<void>;
}

/** Serves the dashboard with Vite (embedded backend) and launches Debian's Chromium. */
export async function startApp(): Promise<App> {
  const server = await createServer({
    configFile: 'vite.config.ts',
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
    define: { 'import.meta.env.VITE_SUPABASE_URL': '""' },
  });
  await server.listen();
  const address = server.httpServer!.address() as { port: number };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the dashboard and waits until the embedded database answered. */
export async function openDashboard(app: App, hash = '', viewport = { width: 1600, height: 900 }): Promise<Page> {
  const page = await app.browser.newPage({ viewport });
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(app.url + hash);
  return page;
}
