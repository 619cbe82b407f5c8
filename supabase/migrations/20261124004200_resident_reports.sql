set search_path = public, extensions;

-- What a grid's QR code opens on: the grid by its printed code, with a point
-- inside it to put the report at until the resident moves it.
create function public.grid_by_code(p_code text)
returns table (id int, code text, name_zh text, name_en text, lon float8, lat float8)
language sql stable security definer set search_path = public, extensions as $$
  select g.id, g.code, g.name_zh, g.name_en, ST_X(p.geom), ST_Y(p.geom)
  from public.grids g
  -- The centroid of an L-shaped grid can fall outside it; the point on the surface cannot.
  cross join lateral (select case when ST_Covers(g.geom, ST_Centroid(g.geom)) then ST_Centroid(g.geom)
                                  else ST_PointOnSurface(g.geom) end as geom) p
  where g.code = upper(btrim(p_code))
$$;

-- What a tracking code shows, as before, with the case's id (already public
-- on the map) so the page can follow the change events, the grid's name,
-- and whether the reporter's answer on the work is awaited.
drop function public.track_case(text);
create function public.track_case(p_tracking_code text)
returns table (id int, case_no text, category_code text, status text, description text,
               reported_at timestamptz, due_at timestamptz, closed_at timestamptz, timeline jsonb,
               grid_zh text, grid_en text, awaiting_verdict boolean)
language sql stable security definer set search_path = public, extensions as $$
  select c.id, c.case_no, c.category_code, c.status::text, public.mask_personal_numbers(c.description),
         c.reported_at, c.due_at, c.closed_at,
         (select coalesce(jsonb_agg(jsonb_build_object('status', e.to_status, 'at', e.created_at) order by e.id), '[]'::jsonb)
          from public.case_events e where e.case_id = c.id),
         g.name_zh, g.name_en,
         -- The cases resident_verdict() takes an answer on.
         c.status = 'handled'
           or c.status = 'closed' and c.closed_at >= now() - interval '7 days'
              and not exists (select 1 from public.case_verdicts v where v.case_id = c.id and v.created_at >= c.closed_at)
  from public.cases c
  left join public.grids g on g.id = c.grid_id
  where c.tracking_code = upper(regexp_replace(coalesce(p_tracking_code, ''), '[\s-]', '', 'g'))
$$;

-- Residents add up to 3 photos to their own report, proving it is theirs
-- with its tracking code, in the first hour after reporting and while it is
-- open. The case row is locked so two uploads at once cannot pass 3.
create function public.report_photo_case(p_tracking_code text) returns public.cases
language plpgsql security definer set search_path = public, extensions as $$
declare
  target public.cases;
  photos int;
begin
  select * into target from public.cases c
    where c.tracking_code = upper(regexp_replace(coalesce(p_tracking_code, ''), '[\s-]', '', 'g'))
    for update;
  if target.id is null then
    raise exception 'no case has tracking code %', coalesce(quote_literal(p_tracking_code), 'null') using errcode = 'P0002';
  end if;
  if not public.is_open(target.status) or target.reported_at < now() - interval '1 hour' then
    raise exception 'case %: photos are added within an hour of reporting, while the case is open', target.case_no
      using errcode = '55000';
  end if;
  select count(*) into photos from public.case_photos p
    where p.case_id = target.id and p.created_by_role in ('public', 'resident');
  if to_regclass('storage.objects') is not null then
    execute $q$select $1 + count(*)::int from storage.objects o
               where o.bucket_id = 'report-photos' and split_part(o.name, '/', 1) = $2$q$
      into photos using photos, target.tracking_code;
  end if;
  if photos >= 3 then
    raise exception 'case % already has 3 photos from its reporter', target.case_no using errcode = '54000';
  end if;
  return target;
end $$;

create function public.attach_report_photo(p_tracking_code text, p_mime text, p_data_base64 text)
returns table (id bigint, byte_size int)
language plpgsql security definer set search_path = public, extensions as $$
declare
  target public.cases := public.report_photo_case(p_tracking_code);
  bytes bytea;
begin
  if p_mime is null or p_mime not in ('image/jpeg', 'image/png', 'image/webp') then
    raise exception 'photo type % is not accepted: image/jpeg, image/png or image/webp', coalesce(quote_literal(p_mime), 'null')
      using errcode = '22023';
  end if;
  bytes := public.photo_bytes(p_data_base64);
  if public.image_mime(bytes) <> p_mime then
    raise exception 'photo is declared % but is %', p_mime, public.image_mime(bytes) using errcode = '22023';
  end if;
  return query
    insert into public.case_photos as p (case_id, status, mime, bytes, created_by, created_by_role)
    values (target.id, target.status, p_mime, bytes, auth.uid(), case when public.app_role() = 'resident' then 'resident' else 'public' end)
    returning p.id, p.byte_size;
end $$;

-- Whether a resident may store one more photo under the folder named by a
-- tracking code (the Storage policy below asks; errors read as no).
create function public.may_store_report_photo(p_tracking_code text) returns boolean
language plpgsql security definer set search_path = public, extensions as $$
begin
  perform public.report_photo_case(p_tracking_code);
  return true;
exception when others then
  return false;
end $$;

revoke execute on function public.grid_by_code(text), public.track_case(text), public.report_photo_case(text),
  public.attach_report_photo(text, text, text), public.may_store_report_photo(text) from public, anon, authenticated;
grant execute on function public.grid_by_code(text), public.track_case(text), public.attach_report_photo(text, text, text),
  public.may_store_report_photo(text) to anon, authenticated, service_role;
grant execute on function public.report_photo_case(text) to service_role;

-- On Supabase the photos go to Storage instead: a private bucket that takes
-- images of at most 1 MB, written by the reporter (3 at most, by the same
-- rule as above), read by staff. PGlite and plain PostgreSQL have no storage
-- schema; there the photos stay in case_photos.
do $$
begin
  if to_regclass('storage.buckets') is null or to_regclass('storage.objects') is null then
    return;
  end if;
  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
  values ('report-photos', 'report-photos', false, 1048576, array['image/jpeg', 'image/png', 'image/webp'])
  on conflict (id) do update set public = false, file_size_limit = excluded.file_size_limit,
    allowed_mime_types = excluded.allowed_mime_types;
  create policy report_photos_reporter_insert on storage.objects for insert to anon, authenticated
    with check (bucket_id = 'report-photos' and public.may_store_report_photo(split_part(name, '/', 1)));
  create policy report_photos_staff_read on storage.objects for select to authenticated
    using (bucket_id = 'report-photos' and public.is_staff());
end $$;
