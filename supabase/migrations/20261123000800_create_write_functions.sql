set search_path = public, extensions;

-- The only way to create a case. Everything is checked here, so a bad report
-- is refused with a message that names the bad value and nothing is written.
create function public.report_case(
  p_category_code text, p_location jsonb, p_description text,
  p_source text default 'resident_qr', p_contact text default null, p_address text default null)
returns table (id int, case_no text, grid_code text, due_at timestamptz)
language plpgsql security definer set search_path = public, extensions as $$
declare
  caller text := public.app_role();
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
  if p_description is null or length(btrim(p_description)) = 0 or length(p_description) > 2000 then
    raise exception 'description must be 1 to 2000 characters (got %)', coalesce(length(p_description), 0)
      using errcode = '22023';
  end if;
  if length(p_contact) > 100 or length(p_address) > 200 then
    raise exception 'contact is limited to 100 characters and address to 200' using errcode = '22023';
  end if;
  point := public.point_from_geojson(p_location);
  if not exists (select 1 from public.subdistricts s where s.geom && point and ST_Covers(s.geom, point)) then
    raise exception 'location (%, %) is outside the service area', ST_X(point), ST_Y(point)
      using errcode = '22023';
  end if;

  insert into public.cases (category_code, source, description, address, geom)
  values (p_category_code, p_source::public.case_source, btrim(p_description), nullif(btrim(p_address), ''), point)
  returning cases.id into new_id;
  if nullif(btrim(p_contact), '') is not null then
    insert into public.case_reporters (case_id, contact) values (new_id, btrim(p_contact));
  end if;
  return query
    select c.id, c.case_no, g.code, c.due_at
    from public.cases c left join public.grids g on g.id = c.grid_id
    where c.id = new_id;
end $$;

-- A GeoJSON Point geometry (or a Feature holding one) in WGS84.
create function public.point_from_geojson(p_geojson jsonb) returns geometry
language plpgsql immutable set search_path = public, extensions as $$
declare
  geometry_json jsonb := case when p_geojson ->> 'type' = 'Feature' then p_geojson -> 'geometry' else p_geojson end;
  point geometry;
begin
  -- CASE, not AND: jsonb_array_length must only see an array.
  if not coalesce(case when geometry_json ->> 'type' = 'Point' and jsonb_typeof(geometry_json -> 'coordinates') = 'array'
                   then jsonb_array_length(geometry_json -> 'coordinates') in (2, 3)
                        and jsonb_typeof(geometry_json -> 'coordinates' -> 0) = 'number'
                        and jsonb_typeof(geometry_json -> 'coordinates' -> 1) = 'number'
                   else false end, false) then
    raise exception 'malformed GeoJSON location %: expected {"type":"Point","coordinates":[lon, lat]}',
      left(coalesce(p_geojson::text, 'null'), 120) using errcode = '22023';
  end if;
  point := ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(geometry_json::text)), 4326);
  if ST_X(point) not between -180 and 180 or ST_Y(point) not between -90 and 90 then
    raise exception 'location (%, %) is not a WGS84 longitude and latitude', ST_X(point), ST_Y(point)
      using errcode = '22023';
  end if;
  return point;
end $$;

-- Move a case along a legal transition; RLS limits inspectors to their grids
-- and the transition trigger refuses illegal moves.
create function public.transition_case(p_case_id int, p_to_status text, p_note text default null)
returns table (id int, case_no text, status text, updated_at timestamptz)
language plpgsql security invoker set search_path = public, extensions as $$
declare
  target public.case_status;
begin
  if p_to_status is null or not p_to_status = any(enum_range(null::public.case_status)::text[]) then
    raise exception 'unknown case status %', coalesce(quote_literal(p_to_status), 'null') using errcode = '22023';
  end if;
  if length(p_note) > 1000 then
    raise exception 'note is limited to 1000 characters (got %)', length(p_note) using errcode = '22023';
  end if;
  target := p_to_status::public.case_status;
  perform set_config('citygrid.transition_note', coalesce(p_note, ''), true);
  return query
    update public.cases c set status = target where c.id = p_case_id
    returning c.id, c.case_no, c.status::text, c.updated_at;
  if not found then
    raise exception 'case % not found among the cases you may work', p_case_id using errcode = '42501';
  end if;
end $$;

-- A sensor or feed reading for one lot.
create function public.record_parking_reading(p_lot_id int, p_free_spaces int, p_observed_at timestamptz default now())
returns void language plpgsql security invoker set search_path = public, extensions as $$
begin
  if p_free_spaces is null or p_free_spaces < 0 then
    raise exception 'free spaces must be zero or more (got %)', p_free_spaces using errcode = '22023';
  end if;
  insert into public.parking_readings (lot_id, observed_at, free_spaces)
  values (p_lot_id, coalesce(p_observed_at, now()), p_free_spaces);
end $$;

-- Supabase grants execute on new functions to its API roles by default: start
-- from nothing and grant each read and write path explicitly.
revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on function public.app_role() to anon, authenticated, service_role;
grant execute on function public.is_staff() to anon, authenticated, service_role;
grant execute on function public.can_work_grid(int) to anon, authenticated, service_role;
grant execute on function public.area_tolerance_m2(float8) to authenticated;
grant execute on function public.finest_grid_at(geometry) to anon, authenticated;
grant execute on function public.list_case_categories() to anon, authenticated, service_role;
grant execute on function public.report_case(text, jsonb, text, text, text, text) to anon, authenticated, service_role;
grant execute on function public.point_from_geojson(jsonb) to anon, authenticated, service_role;
grant execute on function public.transition_case(int, text, text) to authenticated, service_role;
grant execute on function public.record_parking_reading(int, int, timestamptz) to authenticated, service_role;
grant execute on function public.bbox_envelope(float8, float8, float8, float8) to anon, authenticated, service_role;
grant execute on function public.is_open(public.case_status) to anon, authenticated, service_role;
grant execute on function public.grids_in_bbox(float8, float8, float8, float8, text, int[]) to anon, authenticated, service_role;
grant execute on function public.cases_in_bbox(float8, float8, float8, float8, text[], text[], text[], timestamptz, int[], int) to anon, authenticated, service_role;
grant execute on function public.case_detail(int) to anon, authenticated, service_role;
grant execute on function public.fire_stations_in_bbox(float8, float8, float8, float8, int[]) to anon, authenticated, service_role;
grant execute on function public.parking_in_bbox(float8, float8, float8, float8, int[]) to anon, authenticated, service_role;
grant execute on function public.volunteer_posts_in_bbox(float8, float8, float8, float8, int[]) to anon, authenticated, service_role;
grant execute on function public.nearest_parking(float8, float8, int, int) to anon, authenticated, service_role;
grant execute on function public.layer_counts() to anon, authenticated, service_role;
grant execute on function public.kpi_summary(text) to anon, authenticated, service_role;
