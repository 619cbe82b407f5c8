import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { count, firstCategory, placeUnder } from '../support/places';

describeEachEngine('free text', (engine) => {
  async function report(fields: { description: string; address?: string; contact?: string }) {
    const place = await placeUnder(engine(), 'PLR-G02');
    return engine().as('public').reportCase({ categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, ...fields });
  }

  it('refuses descriptions that are blank by Unicode: ideographic, no-break and zero-width spaces, tabs', async () => {
    for (const blank of ['\u3000\u3000', '\u200B\u200B', '\u00A0 \u00A0', '\t\t', '\u3000\u200D\uFEFF\n']) {
      const before = await count(engine(), 'cases');
      await expect(report({ description: blank }), JSON.stringify(blank)).rejects.toThrow(/description is blank/);
      expect(await count(engine(), 'cases')).toBe(before);
    }
  });

  it('stores text as NFC without control characters, keeping newlines', async () => {
    const { id } = await report({ description: '\u3000Cafe\u0301 门口\u0007垃圾\r\n第二行\u3000', address: '\u3000\u200B' });
    const [row] = await engine().sql<{ description: string; address: string | null }>('select description, address from cases where id = $1', [id]);
    expect(row).toEqual({ description: 'Café 门口垃圾\n第二行', address: null });
  });

  it('cleans text written directly to any table, and refuses blank names', async () => {
    await expect(engine().sql(`update fire_stations set name_zh = '\u3000' where id = (select min(id) from fire_stations)`))
      .rejects.toThrow(/fire_stations FS-[\w-]+: name_zh is blank/);
    const [row] = await engine().sql<{ name_en: string }>(
      `update fire_stations set name_en = E' Station\\u0007 ' where id = (select min(id) from fire_stations) returning name_en`);
    expect(row.name_en).toBe('Station');
  });

  it('masks phone and ID numbers in what the public sees; staff see the original', async () => {
    const text = '摊主电话 13912345678，身份证 310101199001011234，座机 021-65432100，见 CG20261123-000123';
    const { id } = await report({ description: text, address: '平凉路 1 号 139 1234 5678' });
    const shown = await engine().as('public').caseDetail(id);
    expect(shown?.description).toBe('摊主电话 139****5678，身份证 310***********1234，座机 021-********，见 CG20261123-000123');
    expect(shown?.address).toBe('平凉路 1 号 139****5678');
    expect((await engine().as('resident').caseDetail(id))?.description).not.toContain('13912345678');
    expect((await engine().as('inspector').caseDetail(id))?.description).toBe(text);
  });
});
