set search_path = public, extensions;

-- Several residents often report the same problem. A report within 50 m and
-- 24 hours of an open case of the same category is linked to that case
-- (duplicate_of). It is still a case of its own, with its own number,
-- tracking code and workflow, so the reporter can follow it and staff can
-- close or reject it; but it is not a new incident, so close rates skip it.
-- A link always points at the first report (never at another duplicate).
alter table public.cases add column duplicate_of int references public.cases (id) on delete set null;
alter table public.cases add constraint cases_not_own_duplicate check (duplicate_of <> id);
create index cases_duplicate_of_idx on public.cases (duplicate_of) where duplicate_of is not null;
grant select (duplicate_of) on public.cases to anon, authenticated;

-- The open case a new report at p_point repeats, if any: same category,
-- reported in the last 24 hours, within 50 m, itself a first report; the
-- nearest wins.
create function public.duplicated_case(p_category_code text, p_point geometry) returns int
language sql stable set search_path = public, extensions as $$
  select c.id from public.cases c
  -- 0.001° is over 90 m at Shanghai's latitude: the box only narrows the search.
  where c.geom && ST_Expand(p_point, 0.001)
    and c.category_code = p_category_code
    and c.duplicate_of is null
    and public.is_open(c.status)
    and c.reported_at >= now() - interval '24 hours'
    and ST_DWithin(c.geom::geography, p_point::geography, 50)
  order by ST_Distance(c.geom::geography, p_point::geography), c.id
  limit 1
$$;

-- report_case as before, linking a repeated report to the case it repeats;
-- the answer names that case's number (null for a new problem).
drop function public.report_case(text, jsonb, text, text, text, text);
create function public.report_case(
  p_category_code text, p_location jsonb, p_description text,
  p_source text default 'resident_qr', p_contact text default null, p_address text default null)
returns table (id int, case_no text, tracking_code text, grid_code text, due_at timestamptz, duplicate_of text)
language plpgsql security definer set search_path = public, extensions as $$
declare
  caller text := public.app_role();
  description text := public.clean_text(p_description);
  contact text := public.clean_text(p_contact);
  address text := public.clean_text(p_address);
  point geometry;
  new_id int;
begin
  if not exists (select 1 from public.case_categories c where c.code = p_category_code and c.active) then
    raise exception 'unknown case category %', coalesce(quote_literal(p_category_code), 'null')
      using errcode = '22023';
  end if;
  if p_source is null or p_source not in ('resident_qr', 'inspector_patrol', 'ai_camera', 'hotline_12345') then
    raise exception 'unknown case source %', coalesce(quote_literal(p_source), 'null') using errcode = '22023';
  end if;
  if p_source <> 'resident_qr' and not public.is_staff() then
    raise exception 'role % may only report cases from a resident QR code', caller using errcode = '42501';
  end if;
  if description is null then
    raise exception 'description is blank (only spaces or invisible characters)' using errcode = '22023';
  end if;
  if length(description) > 2000 then
    raise exception 'description must be 1 to 2000 characters (got %)', length(description) using errcode = '22023';
  end if;
  if length(contact) > 100 or length(address) > 200 then
    raise exception 'contact is limited to 100 characters and address to 200' using errcode = '22023';
  end if;
  point := public.point_from_geojson(p_location);
  if not public.in_service_area(point) then
    raise exception 'location (%, %) is outside the service area', ST_X(point), ST_Y(point)
      using errcode = '22023';
  end if;
  perform public.limit_public_reports();

  insert into public.cases (category_code, source, description, address, geom, duplicate_of)
  values (p_category_code, p_source::public.case_source, description, address, point,
          public.duplicated_case(p_category_code, point))
  returning cases.id into new_id;
  if contact is not null then
    insert into public.case_reporters (case_id, contact) values (new_id, contact);
  end if;
  return query
    select c.id, c.case_no, c.tracking_code, g.code, c.due_at, o.case_no
    from public.cases c
    left join public.grids g on g.id = c.grid_id
    left join public.cases o on o.id = c.duplicate_of
    where c.id = new_id;
end $$;

revoke execute on function public.duplicated_case(text, geometry), public.report_case(text, jsonb, text, text, text, text)
  from public, anon, authenticated;
grant execute on function public.report_case(text, jsonb, text, text, text, text) to anon, authenticated, service_role;
grant execute on function public.duplicated_case(text, geometry) to service_role;
