import { create } from 'qrcode';
import { expect, it } from 'vitest';
import { reportLink } from '../../../src/lib/qr/report-link';

it('links a grid to the report page on the app’s own origin and path, whatever page made the sheet', () => {
  expect(reportLink('https://city.example/citygrid/#/qr', 'PLR-G01')).toBe('https://city.example/citygrid/#/report?grid=PLR-G01');
  expect(reportLink('http://127.0.0.1:5173/?as=admin#/qr?x=1', 'KJR-G03')).toBe('http://127.0.0.1:5173/#/report?grid=KJR-G03');
});

it('encodes the whole link in a QR code a phone can scan', () => {
  const link = reportLink('https://city.example/', 'PLR-G01');
  const qr = create(link, { errorCorrectionLevel: 'M' });
  const text = (data: unknown) => (typeof data === 'string' ? data : new TextDecoder().decode(data as Uint8Array));
  expect(qr.segments.map((s) => text(s.data)).join('')).toBe(link);
  // Version 3 (29 modules) holds it at level M: small enough to scan from a sticker.
  expect(qr.modules.size).toBeLessThanOrEqual(33);
});
