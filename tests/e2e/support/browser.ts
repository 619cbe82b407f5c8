import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { build, createServer, preview } from 'vite';

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
  close(): Promise<void>;
}

export interface AppOptions {
  /** A fresh build served by `vite preview` instead of the dev server. */
  production?: boolean;
  /** Build for a Supabase project at this URL instead of the embedded database. */
  supabaseUrl?: string;
  /** Runs after a production build, before it is served (benchmarks add their pages). */
  afterBuild?: () => Promise<void>;
}

export const OFFLINE_BASEMAP = { 'import.meta.env.VITE_BASEMAP_STYLE': '""' };

function backendDefine(supabaseUrl?: string): Record<string, string> {
  if (!supabaseUrl) return { 'import.meta.env.VITE_SUPABASE_URL': '""' };
  return { 'import.meta.env.VITE_SUPABASE_URL': JSON.stringify(supabaseUrl), 'import.meta.env.VITE_SUPABASE_ANON_KEY': '"test-anon-key"' };
}

/** The Vite dev server, or with `production` a fresh build served by `vite preview`. */
async function serve({ production = false, supabaseUrl, afterBuild }: AppOptions) {
  const define = { ...OFFLINE_BASEMAP, ...backendDefine(supabaseUrl) };
  const common = { configFile: 'vite.config.ts', logLevel: 'warn' as const, define };
  if (!production) {
    const server = await createServer({ ...common, server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    return { port: (server.httpServer!.address() as AddressInfo).port, close: () => server.close() };
  }
  await build(common);
  await afterBuild?.();
  const server = await preview({ ...common, preview: { port: 0, host: '127.0.0.1' } });
  return { port: (server.httpServer.address() as AddressInfo).port, close: () => server.close() };
}

/** Serves the dashboard (embedded backend unless `supabaseUrl`, offline basemap) and launches Debian's Chromium. */
export async function startApp(options: AppOptions = {}): Promise<App> {
  const server = await serve(options);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    url: `http://127.0.0.1:${server.port}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
