import type { Page } from 'playwright-core';

/** Collects the page's uncaught errors, unhandled promise rejections included. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Counts the HTTP requests the page sends to `origin` (e.g. `http://127.0.0.1:9`). */
export function countRequests(page: Page, origin: string): { readonly count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).origin === origin) counter.count++;
  });
  return counter;
}
