set search_path = public, extensions;

-- The envelope of a bbox in WGS84, or the whole world when all four edges are
-- null, so `geom && envelope` can always use the GiST index.
create function public.bbox_envelope(p_west float8, p_south float8, p_east float8, p_north float8)
returns geometry language plpgsql immutable set search_path = public, extensions as $$
begin
  if p_west is null and p_south is null and p_east is null and p_north is null then
    return ST_MakeEnvelope(-180, -90, 180, 90, 4326);
  end if;
  if p_west is null or p_south is null or p_east is null or p_north is null
     or p_west < -180 or p_east > 180 or p_south < -90 or p_north > 90
     or p_west >= p_east or p_south >= p_north then
    raise exception 'invalid bbox [%, %, %, %]: expected west < east and south < north in WGS84 degrees',
      p_west, p_south, p_east, p_north using errcode = '22023';
  end if;
  return ST_MakeEnvelope(p_west, p_south, p_east, p_north, 4326);
end $$;

create function public.is_open(p_status public.case_status) returns boolean
language sql immutable as $$ select p_status not in ('closed', 'rejected') $$;

create function public.grids_in_bbox(
  p_west float8 default null, p_south float8 default null,
  p_east float8 default null, p_north float8 default null,
  p_level text default 'grid', p_ids int[] default null)
returns table (id int, level text, parent_id int, subdistrict_id int, code text, name_zh text,
               name_en text, responsible_name text, responsible_phone text, open_cases int,
               geometry text)
language sql stable set search_path = public, extensions as $$
  with area as (select public.bbox_envelope(p_west, p_south, p_east, p_north) as env),
  open_by_grid as (
    select ancestor as grid_id, count(*)::int as n
    from public.cases c
    join public.grids g on g.id = c.grid_id
    left join public.grids p on p.id = g.parent_id
    cross join lateral (values (g.id), (p.id), (p.parent_id)) as a(ancestor)
    where public.is_open(c.status) and ancestor is not null
    group by ancestor)
  select g.id, g.level::text, g.parent_id, g.subdistrict_id, g.code, g.name_zh, g.name_en,
         g.responsible_name, g.responsible_phone, coalesce(o.n, 0), ST_AsGeoJSON(g.geom, 6)
  from public.grids g
  cross join area
  left join open_by_grid o on o.grid_id = g.id
  where (p_level is null or g.level = p_level::public.grid_level)
    and g.geom && area.env
    and (p_ids is null or g.id = any(p_ids))
  order by g.id
$$;

create function public.cases_in_bbox(
  p_west float8 default null, p_south float8 default null,
  p_east float8 default null, p_north float8 default null,
  p_statuses text[] default null, p_categories text[] default null, p_sources text[] default null,
  p_since timestamptz default null, p_ids int[] default null, p_limit int default 200000)
returns table (id int, case_no text, category_code text, source text, status text,
               lon float8, lat float8, grid_id int, reported_at timestamptz, due_at timestamptz,
               closed_at timestamptz)
language sql stable set search_path = public, extensions as $$
  select c.id, c.case_no, c.category_code, c.source::text, c.status::text,
         ST_X(c.geom), ST_Y(c.geom), c.grid_id, c.reported_at, c.due_at, c.closed_at
  from public.cases c
  cross join (select public.bbox_envelope(p_west, p_south, p_east, p_north) as env) area
  where c.geom && area.env
    and (p_statuses is null or c.status::text = any(p_statuses))
    and (p_categories is null or c.category_code = any(p_categories))
    and (p_sources is null or c.source::text = any(p_sources))
    and (p_since is null or c.reported_at >= p_since)
    and (p_ids is null or c.id = any(p_ids))
  order by c.id
  limit least(greatest(p_limit, 0), 1000000)
$$;

-- One case with its history; reporter contact and events only for staff.
create function public.case_detail(p_case_id int)
returns table (id int, case_no text, category_code text, source text, status text,
               description text, address text, lon float8, lat float8, grid_id int,
               grid_code text, reported_at timestamptz, due_at timestamptz,
               closed_at timestamptz, reporter_contact text, events jsonb)
language sql stable security definer set search_path = public, extensions as $$
  select c.id, c.case_no, c.category_code, c.source::text, c.status::text, c.description,
         c.address, ST_X(c.geom), ST_Y(c.geom), c.grid_id, g.code, c.reported_at, c.due_at,
         c.closed_at,
         case when public.is_staff() then r.contact end,
         case when public.is_staff() then (
           select coalesce(jsonb_agg(jsonb_build_object(
                    'from', e.from_status, 'to', e.to_status, 'role', e.actor_role,
                    'note', e.note, 'at', e.created_at) order by e.id), '[]'::jsonb)
           from public.case_events e where e.case_id = c.id)
         else '[]'::jsonb end
  from public.cases c
  left join public.grids g on g.id = c.grid_id
  left join public.case_reporters r on r.case_id = c.id
  where c.id = p_case_id
$$;

create function public.fire_stations_in_bbox(
  p_west float8 default null, p_south float8 default null,
  p_east float8 default null, p_north float8 default null, p_ids int[] default null)
returns table (id int, code text, kind text, name_zh text, name_en text, staff int,
               response_minutes float8, lon float8, lat float8)
language sql stable set search_path = public, extensions as $$
  select f.id, f.code, f.kind, f.name_zh, f.name_en, f.staff, f.response_minutes,
         ST_X(f.geom), ST_Y(f.geom)
  from public.fire_stations f
  cross join (select public.bbox_envelope(p_west, p_south, p_east, p_north) as env) area
  where f.geom && area.env
    and (p_ids is null or f.id = any(p_ids))
  order by f.id
$$;

create function public.parking_in_bbox(
  p_west float8 default null, p_south float8 default null,
  p_east float8 default null, p_north float8 default null, p_ids int[] default null)
returns table (id int, code text, kind text, name_zh text, name_en text, capacity int,
               free_spaces int, fee_per_hour_cny float8, hours text, lon float8, lat float8,
               updated_at timestamptz)
language sql stable set search_path = public, extensions as $$
  select l.id, l.code, l.kind, l.name_zh, l.name_en, l.capacity, l.free_spaces,
         l.fee_per_hour_cny, l.hours, ST_X(l.geom), ST_Y(l.geom), l.updated_at
  from public.parking_lots l
  cross join (select public.bbox_envelope(p_west, p_south, p_east, p_north) as env) area
  where l.geom && area.env
    and (p_ids is null or l.id = any(p_ids))
  order by l.id
$$;

create function public.volunteer_posts_in_bbox(
  p_west float8 default null, p_south float8 default null,
  p_east float8 default null, p_north float8 default null, p_ids int[] default null)
returns table (id int, code text, team_zh text, team_en text, name_zh text, name_en text,
               duty_kinds text[], on_duty int, planned int, shift_start text, shift_end text,
               lon float8, lat float8, updated_at timestamptz)
language sql stable set search_path = public, extensions as $$
  select v.id, v.code, v.team_zh, v.team_en, v.name_zh, v.name_en, v.duty_kinds, v.on_duty,
         v.planned, to_char(v.shift_start, 'HH24:MI'), to_char(v.shift_end, 'HH24:MI'),
         ST_X(v.geom), ST_Y(v.geom), v.updated_at
  from public.volunteer_posts v
  cross join (select public.bbox_envelope(p_west, p_south, p_east, p_north) as env) area
  where v.geom && area.env
    and (p_ids is null or v.id = any(p_ids))
  order by v.id
$$;

-- Nearest lots with at least p_min_free free spaces: KNN on the GiST index,
-- then exact geodesic distance.
create function public.nearest_parking(
  p_lon float8, p_lat float8, p_min_free int default 1, p_limit int default 10)
returns table (id int, code text, kind text, name_zh text, name_en text, capacity int,
               free_spaces int, fee_per_hour_cny float8, hours text, lon float8, lat float8,
               updated_at timestamptz, distance_m float8)
language plpgsql stable set search_path = public, extensions as $$
declare
  here geometry;
begin
  if p_lon is null or p_lat is null or p_lon not between -180 and 180 or p_lat not between -90 and 90 then
    raise exception 'invalid location (%, %): expected WGS84 longitude and latitude', p_lon, p_lat
      using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 100 then
    raise exception 'invalid limit %: expected 1 to 100', p_limit using errcode = '22023';
  end if;
  here := ST_SetSRID(ST_MakePoint(p_lon, p_lat), 4326);
  return query
    select k.id, k.code, k.kind, k.name_zh, k.name_en, k.capacity, k.free_spaces,
           k.fee_per_hour_cny, k.hours, ST_X(k.geom), ST_Y(k.geom), k.updated_at,
           ST_Distance(k.geom::geography, here::geography)
    from (select l.* from public.parking_lots l
          where l.free_spaces >= greatest(coalesce(p_min_free, 1), 0)
          order by l.geom <-> here
          limit p_limit * 2) k
    order by 13
    limit p_limit;
end $$;

create function public.list_case_categories()
returns table (code text, kind text, name_zh text, name_en text, sla_hours float8)
language sql stable set search_path = public, extensions as $$
  select c.code, c.kind, c.name_zh, c.name_en, c.sla_hours
  from public.case_categories c where c.active order by c.code
$$;

create function public.layer_counts()
returns table (layer text, count int)
language sql stable set search_path = public, extensions as $$
  select 'subdistricts', count(*)::int from public.subdistricts
  union all select 'grids', count(*)::int from public.grids where level = 'grid'
  union all select 'micro_grids', count(*)::int from public.grids where level = 'micro_grid'
  union all select 'meta_grids', count(*)::int from public.grids where level = 'meta_grid'
  union all select 'cases', count(*)::int from public.cases
  union all select 'fire_stations', count(*)::int from public.fire_stations
  union all select 'parking_lots', count(*)::int from public.parking_lots
  union all select 'volunteer_posts', count(*)::int from public.volunteer_posts
$$;

-- Live KPIs for one sub-district (by code) or, with null, the whole service area.
-- "Today" is the calendar day in Shanghai.
create function public.kpi_summary(p_subdistrict_code text default null)
returns table (open_cases int, reported_today int, closed_today int, overdue int,
               close_rate float8, on_time_close_rate float8, median_close_hours float8,
               parking_free int, parking_capacity int, volunteers_on_duty int,
               volunteer_posts_unstaffed int, fire_stations int)
language plpgsql stable set search_path = public, extensions as $$
declare
  area_id int;
  area geometry;
  day_start timestamptz := date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai';
begin
  if p_subdistrict_code is not null then
    select s.id, s.geom into area_id, area from public.subdistricts s where s.code = p_subdistrict_code;
    if area_id is null then
      raise exception 'unknown sub-district %', p_subdistrict_code using errcode = '22023';
    end if;
  end if;
  return query
  with c as (select * from public.cases where area_id is null or subdistrict_id = area_id)
  select
    (select count(*)::int from c where public.is_open(c.status)),
    (select count(*)::int from c where c.reported_at >= day_start),
    (select count(*)::int from c where c.closed_at >= day_start),
    (select count(*)::int from c where public.is_open(c.status) and c.due_at < now()),
    (select coalesce(avg((c.status = 'closed')::int), 0)::float8 from c where c.status <> 'rejected'),
    (select coalesce(avg((c.closed_at <= c.due_at)::int), 0)::float8 from c where c.status = 'closed'),
    (select percentile_cont(0.5) within group (order by extract(epoch from c.closed_at - c.reported_at) / 3600)
       from c where c.status = 'closed')::float8,
    (select coalesce(sum(l.free_spaces), 0)::int from public.parking_lots l where area is null or ST_Covers(area, l.geom)),
    (select coalesce(sum(l.capacity), 0)::int from public.parking_lots l where area is null or ST_Covers(area, l.geom)),
    (select coalesce(sum(v.on_duty), 0)::int from public.volunteer_posts v where area is null or ST_Covers(area, v.geom)),
    (select count(*)::int from public.volunteer_posts v where v.on_duty = 0 and (area is null or ST_Covers(area, v.geom))),
    (select count(*)::int from public.fire_stations f where area is null or ST_Covers(area, f.geom));
end $$;
