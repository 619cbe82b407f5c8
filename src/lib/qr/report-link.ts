/** The report page a grid's QR code opens, on the app's own origin and path: `…/#/report?grid=PLR-G01`. */
export function reportLink(appUrl: string, gridCode: string): string {
  const url = new URL(appUrl);
  return `${url.origin}${url.pathname}#/report?grid=${encodeURIComponent(gridCode)}`;
}
