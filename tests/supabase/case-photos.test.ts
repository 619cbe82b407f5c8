import { expect, it } from 'vitest';
import { asRole, describeEachEngine } from '../support/engines';
import { placeUnder } from '../support/places';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A PNG signature padded to exactly `bytes` bytes: only the signature is checked. */
const pngOfSize = (bytes: number) => {
  const buffer = Buffer.alloc(bytes);
  buffer.set(PNG_SIGNATURE);
  return buffer.toString('base64');
};

describeEachEngine('case photos', (engine) => {
  async function openCase(topGrid = 'PLR-G01') {
    const place = await placeUnder(engine(), topGrid);
    return engine().as('public').reportCase({ categoryCode: 'E-0105', lon: place.lon, lat: place.lat, description: '垃圾箱房外堆放 photo' });
  }
  const attach = (role: Parameters<typeof asRole>[1], id: number, mime: string, data: string) =>
    asRole(engine(), role, `select * from attach_case_photo($1, $2, $3)`, [id, mime, data]);

  it('lets an inspector attach a photo to a case in their grid, stamped with its status, seen by staff who work that grid', async () => {
    const { id } = await openCase();
    const [photo] = await attach('inspector', id, 'image/png', PNG);
    expect(photo).toMatchObject({ case_id: id, status: 'reported', mime: 'image/png', byte_size: 70 });
    const [stored] = await engine().sql<{ created_by_role: string; created_by: string }>(
      'select created_by_role, created_by::text from case_photos where case_id = $1', [id]);
    expect(stored).toEqual({ created_by_role: 'inspector', created_by: '00000000-0000-4000-8000-000000000001' });
    const visible = async (role: Parameters<typeof asRole>[1]) =>
      (await asRole(engine(), role, `select count(*)::int as n from case_photos where case_id = $1`, [id]))[0];
    expect(await visible('inspector')).toEqual({ n: 1 });
    expect(await visible('commander')).toEqual({ n: 1 });
    expect(await visible('otherInspector')).toEqual({ n: 0 });
    expect(await visible('resident')).toEqual({ n: 0 });
    await expect(visible('public')).rejects.toThrow(/permission denied/);
  });

  it('accepts a photo as a data URL and exactly 1 MB, and refuses one byte more', async () => {
    const { id } = await openCase();
    await expect(attach('commander', id, 'image/png', `data:image/png;base64,${PNG}`)).resolves.toHaveLength(1);
    await expect(attach('commander', id, 'image/png', pngOfSize(1_048_576))).resolves.toMatchObject([{ byte_size: 1_048_576 }]);
    await expect(attach('commander', id, 'image/png', pngOfSize(1_048_577)))
      .rejects.toMatchObject({ code: '22023', message: expect.stringMatching(/larger than 1 MB/) });
  });

  it('refuses what is not an accepted image, naming the problem', async () => {
    const { id } = await openCase();
    const refusals: [string, string, RegExp][] = [
      ['image/gif', PNG, /photo type 'image\/gif' is not accepted/],
      ['image/jpeg', PNG, /declared image\/jpeg but is image\/png/],
      ['image/png', 'not base64!', /not valid base64/],
      ['image/png', Buffer.from('plain text, not an image').toString('base64'), /not a JPEG, PNG or WebP image/],
      ['image/png', '', /photo is empty/],
    ];
    for (const [mime, data, message] of refusals) {
      await expect(attach('inspector', id, mime, data), String(message)).rejects.toMatchObject({ code: '22023', message: expect.stringMatching(message) });
    }
    expect((await engine().sql<{ n: number }>('select count(*)::int as n from case_photos where case_id = $1', [id]))[0].n).toBe(0);
  });

  it('attaches only to open cases that exist and that the caller may work', async () => {
    const { id } = await openCase();
    await expect(attach('otherInspector', id, 'image/png', PNG)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/not among the cases you may work/) });
    await expect(attach('resident', id, 'image/png', PNG)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/role resident may not attach photos/) });
    await expect(attach('public', id, 'image/png', PNG)).rejects.toThrow(/permission denied/);
    await expect(attach('admin', 99_999_999, 'image/png', PNG)).rejects.toMatchObject({ code: 'P0002' });
    await engine().as('admin').transitionCase(id, 'reported', 'rejected', '重复 duplicate');
    await expect(attach('admin', id, 'image/png', PNG)).rejects.toMatchObject({ code: '55000', message: expect.stringMatching(/is rejected: photos are attached while a case is open/) });
  });
});
