import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
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

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** End-to-end tests need Debian's Chromium; CI installs it, elsewhere they are skipped with a notice. */
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
if (!HAS_CHROMIUM && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);

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
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
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
