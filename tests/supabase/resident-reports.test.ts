import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { SqlQueryable } from '../../src/lib/data/sql-transport';
import { asRole, describeEachEngine } from '../support/engines';
import { placeUnder } from '../support/places';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString('base64');
const CATEGORY = 'E-0203'; // no photo needed to hand it over

/** The migration's Supabase-only part, run below against a stand-in for Supabase's storage schema. */
const STORAGE_SETUP = /do \$\$\nbegin\n  if to_regclass\('storage\.buckets'\)[\s\S]*?end \$\$;/.exec(
  readFileSync('supabase/migrations/20261124004200_resident_reports.sql', 'utf8'))![0];
/** The columns of Supabase's storage tables the bucket and its policies use. */
const STORAGE_STAND_IN = `
  create schema storage;
  create table storage.buckets (id text primary key, name text not null, public boolean not null default false,
                                file_size_limit bigint, allowed_mime_types text[]);
  create table storage.objects (id bigint generated always as identity primary key, bucket_id text references storage.buckets, name text not null,
    metadata jsonb, created_at timestamptz not null default clock_timestamp());
  alter table storage.objects enable row level security;
  grant usage on schema storage to anon, authenticated;
  grant select, insert on storage.objects to anon, authenticated;`;
/** Thrown to roll the stand-in back once a test is done with it. */
const ROLL_BACK = new Error('roll back');

describeEachEngine('resident reports', (engine) => {
  async function report() {
    const place = await placeUnder(engine(), 'PLR-G01');
    return engine().as('public').reportCase({ categoryCode: CATEGORY, lon: place.lon, lat: place.lat, description: '电线杆上小广告 resident report' });
  }
  const residentPhotos = async (id: number) =>
    engine().sql<{ mime: string; status: string; created_by_role: string; byte_size: number }>(
      'select mime, status::text, created_by_role, byte_size from case_photos where case_id = $1 order by id', [id]);

  it('finds a grid by its printed code, with a point inside it, for anyone', async () => {
    const grid = await engine().as('public').gridByCode(' plr-g01 ');
    expect(grid).toMatchObject({ code: 'PLR-G01', nameZh: expect.any(String), nameEn: expect.any(String) });
    const [inside] = await engine().sql<{ inside: boolean; level: string }>(
      `select ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) as inside, level::text from grids where code = 'PLR-G01'`,
      [grid!.lon, grid!.lat]);
    expect(inside).toEqual({ inside: true, level: 'grid' });
    expect(await engine().as('public').gridByCode('NOPE-G99')).toBeNull();
    expect(await engine().as('public').gridByCode("PLR-G01'; drop table grids; --")).toBeNull();
  });

  it('lets the reporter add up to 3 photos with the tracking code, kept in the database as the public', async () => {
    const { id, trackingCode } = await report();
    const data = engine().as('public');
    await data.attachReportPhoto(trackingCode.toLowerCase(), 'image/png', PNG);
    await data.attachReportPhoto(trackingCode, 'image/jpeg', JPEG_START);
    await data.attachReportPhoto(trackingCode, 'image/png', `data:image/png;base64,${PNG}`);
    await expect(data.attachReportPhoto(trackingCode, 'image/png', PNG)).rejects.toMatchObject({
      code: '54000', message: expect.stringMatching(/already has 3 photos from its reporter/),
    });
    expect(await residentPhotos(id)).toEqual([
      { mime: 'image/png', status: 'reported', created_by_role: 'public', byte_size: 70 },
      { mime: 'image/jpeg', status: 'reported', created_by_role: 'public', byte_size: 6 },
      { mime: 'image/png', status: 'reported', created_by_role: 'public', byte_size: 70 },
    ]);
    // Staff who work the grid see them on the case.
    expect((await engine().as('inspector').caseDetail(id))?.photos).toHaveLength(3);
  });

  it('refuses a photo that is not an image, mislabelled, too big, or for an unknown code, and stores nothing', async () => {
    const { id, trackingCode } = await report();
    const data = engine().as('public');
    await expect(data.attachReportPhoto(trackingCode, 'image/gif', PNG)).rejects.toMatchObject({ code: '22023', message: expect.stringMatching(/not accepted/) });
    await expect(data.attachReportPhoto(trackingCode, 'image/jpeg', PNG)).rejects.toMatchObject({ message: expect.stringMatching(/declared image\/jpeg but is image\/png/) });
    await expect(data.attachReportPhoto(trackingCode, 'image/png', Buffer.from('<svg/>').toString('base64'))).rejects.toMatchObject({ message: expect.stringMatching(/not a JPEG, PNG or WebP/) });
    const big = Buffer.alloc(1_048_577);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expect(data.attachReportPhoto(trackingCode, 'image/png', big.toString('base64'))).rejects.toMatchObject({ message: expect.stringMatching(/larger than 1 MB/) });
    await expect(data.attachReportPhoto('ZZZZZZZZZZZZ', 'image/png', PNG)).rejects.toMatchObject({ code: 'P0002' });
    expect(await residentPhotos(id)).toEqual([]);
  });

  it('takes photos only in the first hour and while the case is open; staff still use their own path', async () => {
    const { id, trackingCode } = await report();
    await engine().sql(`update cases set reported_at = now() - interval '61 minutes' where id = $1`, [id]);
    await expect(engine().as('public').attachReportPhoto(trackingCode, 'image/png', PNG)).rejects.toMatchObject({
      code: '55000', message: expect.stringMatching(/within an hour of reporting/),
    });
    const second = await report();
    await engine().as('admin').transitionCase(second.id, 'reported', 'rejected', '重复 duplicate');
    await expect(engine().as('public').attachReportPhoto(second.trackingCode, 'image/png', PNG)).rejects.toMatchObject({ code: '55000' });
    // The case id alone, without the tracking code, is no way in.
    await expect(asRole(engine(), 'public', 'select * from attach_case_photo($1, $2, $3)', [id, 'image/png', PNG])).rejects.toThrow(/permission denied|may not attach/);
  });

  it('never lets two uploads at once pass the limit of 3', async () => {
    const { id, trackingCode } = await report();
    const data = engine().as('public');
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => data.attachReportPhoto(trackingCode, 'image/png', PNG)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    expect(await residentPhotos(id)).toHaveLength(3);
  });

  it('answers may_store_report_photo, the Storage policy, by the same rule', async () => {
    const { trackingCode } = await report();
    const may = async (code: string) => (await asRole(engine(), 'public', 'select may_store_report_photo($1) as ok', [code]))[0].ok;
    expect(await may(trackingCode)).toBe(true);
    expect(await may('ZZZZZZZZZZZZ')).toBe(false);
    for (let i = 0; i < 3; i++) await engine().as('public').attachReportPhoto(trackingCode, 'image/png', PNG);
    expect(await may(trackingCode)).toBe(false);
  });

  it('tracks a case with its id, grid and whether the answer is awaited, following it to handled, not fixed and closed', async () => {
    const { id, trackingCode, caseNo } = await report();
    const track = () => engine().as('public').trackCase(trackingCode);
    expect(await track()).toMatchObject({ id, caseNo, status: 'reported', grid: { zh: expect.any(String), en: expect.any(String) }, awaitingVerdict: false });
    const admin = engine().as('admin');
    for (const [from, to, note] of [['reported', 'registered'], ['registered', 'dispatched'], ['dispatched', 'handling'], ['handling', 'handled', '已清除 removed']] as const) {
      await admin.transitionCase(id, from, to, note);
    }
    expect(await track()).toMatchObject({ status: 'handled', awaitingVerdict: true });
    expect(await engine().as('public').residentVerdict(trackingCode, false, '还有一张 one is left')).toEqual({ caseNo, status: 'handling' });
    const reopened = await track();
    expect(reopened).toMatchObject({ status: 'handling', awaitingVerdict: false });
    expect(reopened!.timeline.map((e) => e.status)).toEqual(['reported', 'registered', 'dispatched', 'handling', 'handled', 'handling']);
    // The public timeline carries no notes and no people.
    expect(JSON.stringify(reopened)).not.toMatch(/one is left|admin|reporter/);
    await admin.transitionCase(id, 'handling', 'handled', '都清除了 all gone');
    expect(await engine().as('public').residentVerdict(trackingCode, true)).toEqual({ caseNo, status: 'closed' });
    expect(await track()).toMatchObject({ status: 'closed', closedAt: expect.any(Number), awaitingVerdict: false });
  });

  it('creates the Storage bucket and policies where a storage schema exists: the reporter stores 3, staff read them', async () => {
    const { id, trackingCode } = await report();
    const as = async (tx: SqlQueryable, role: 'public' | 'commander') => {
      await tx.query('reset role');
      await tx.query(`set local role ${role === 'public' ? 'anon' : 'authenticated'}`);
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(
        role === 'public' ? { role: 'anon' } : { role: 'authenticated', sub: '00000000-0000-4000-8000-0000000000c1', app_metadata: { citygrid_role: 'commander' } })]);
    };
    /** An insert as the reporter: its error message, or 'stored'. */
    const store = async (tx: SqlQueryable, name: string) => {
      await as(tx, 'public');
      await tx.query('savepoint photo');
      try {
        await tx.query(`insert into storage.objects (bucket_id, name) values ('report-photos', $1)`, [name]);
        return 'stored';
      } catch (error) {
        await tx.query('rollback to savepoint photo');
        return (error as Error).message;
      }
    };
    await expect(engine().db.transaction(async (tx) => {
      for (const statement of STORAGE_STAND_IN.split(';').filter((q) => q.trim())) await tx.query(statement);
      await tx.query(STORAGE_SETUP);
      expect((await tx.query('select id, public, file_size_limit::int as limit, allowed_mime_types from storage.buckets')).rows).toEqual([
        { id: 'report-photos', public: false, limit: 1048576, allowed_mime_types: ['image/jpeg', 'image/png', 'image/webp'] },
      ]);
      expect(await store(tx, 'ZZZZZZZZZZZZ/a.jpeg')).toMatch(/row-level security/);
      for (const n of [1, 2, 3]) expect(await store(tx, `${trackingCode}/${n}.jpeg`)).toBe('stored');
      expect(await store(tx, `${trackingCode}/4.jpeg`)).toMatch(/row-level security/);
      // The same 3 count against the database path.
      await tx.query('savepoint db_photo');
      await expect(tx.query('select * from attach_report_photo($1, $2, $3)', [trackingCode, 'image/png', PNG])).rejects.toThrow(/already has 3 photos/);
      await tx.query('rollback to savepoint db_photo');
      expect((await tx.query('select count(*)::int as n from storage.objects')).rows).toEqual([{ n: 0 }]);
      await as(tx, 'commander');
      expect((await tx.query('select count(*)::int as n from storage.objects')).rows).toEqual([{ n: 3 }]);
      // The case panel lists them, each with its path for a signed URL.
      const [{ photos }] = (await tx.query<{ photos: { path: string | null; status: string }[] }>('select photos from case_detail($1)', [id])).rows;
      expect(photos.map((p) => p.path)).toEqual([1, 2, 3].map((n) => `${trackingCode}/${n}.jpeg`));
      throw ROLL_BACK;
    })).rejects.toBe(ROLL_BACK);
    expect(await engine().sql(`select 1 from pg_namespace where nspname = 'storage'`)).toEqual([]);
  });
});
