set search_path = public, extensions;

-- The command-center wall: the sub-districts it shows, its KPIs now and at the
-- same hour yesterday, and open and overdue cases per km² by grid.

-- A sub-district's short code: the prefix its grid codes carry ('PLR' for
-- pingliang_road), which is what a wall's link names.
create function public.subdistrict_short_code(p_subdistrict_id int) returns text
language sql stable set search_path = public, extensions as $$
  select split_part(min(g.code), '-', 1) from public.grids g
  where g.subdistrict_id = p_subdistrict_id and g.level = 'grid'
$$;

-- The ids of the sub-districts named by code or short code (case forgiven);
-- every sub-district when none is named. An unknown name is an error.
create function public.wall_area_ids(p_codes text[]) returns int[]
language plpgsql stable set search_path = public, extensions as $$
declare
  unknown text;
  ids int[];
begin
  if p_codes is null or cardinality(p_codes) = 0 then
    return (select array_agg(s.id order by s.id) from public.subdistricts s);
  end if;
  select string_agg(quote_literal(n), ', ') into unknown from unnest(p_codes) n
  where not exists (select 1 from public.subdistricts s
                    where s.code = lower(n) or public.subdistrict_short_code(s.id) = upper(n));
  if unknown is not null then
    raise exception 'unknown sub-district %: expected a code such as pingliang_road or a short code such as PLR', unknown
      using errcode = '22023';
  end if;
  select array_agg(s.id order by s.id) into ids from public.subdistricts s
  where exists (select 1 from unnest(p_codes) n where s.code = lower(n) or public.subdistrict_short_code(s.id) = upper(n));
  return ids;
end $$;

-- The sub-districts a wall tours, with their bounds.
create function public.wall_areas(p_subdistrict_codes text[] default null)
returns table (code text, short_code text, name_zh text, name_en text,
               west float8, south float8, east float8, north float8)
language sql stable set search_path = public, extensions as $$
  select s.code, public.subdistrict_short_code(s.id), s.name_zh, s.name_en,
         ST_XMin(s.geom), ST_YMin(s.geom), ST_XMax(s.geom), ST_YMax(s.geom)
  from public.subdistricts s
  where s.id = any (public.wall_area_ids(p_subdistrict_codes))
  order by s.id
$$;

-- Every wall KPI at one instant p_at, for the cases and facilities of the
-- sub-districts p_area_ids. Each case counts once: linked duplicate reports
-- are left out throughout. "Today" is the Shanghai calendar day holding p_at,
-- from its midnight up to p_at. A case's past state is read from its own
-- times (reported_at, closed_at; a reopened case has no closed_at), so the
-- same definitions give the value now and at any earlier hour.
--   open_cases          reported by p_at, not rejected, not closed by p_at
--   overdue             of the open cases, those due before p_at
--   reported_today      reported today (rejected reports included)
--   closed_today        closed today
--   close_rate          结案率 of the cases reported in the 30 days up to p_at:
--                       closed by p_at / (reported - rejected); null with none
--   close_rate_target   the target, as given
--   close_rate_met      1 when close_rate >= target (exactly the target is met), else 0
--   on_time_close_rate  按期结案率 of the same cases: closed by their due time / closed
--   median_close_hours  median of closed_at - reported_at over the same closed cases
--   parking_free        free spaces summed over the lots with a reading by p_at
--                       (the last reading at or before p_at; else the lot's own
--                       number if it was set by then)
--   parking_capacity    capacity of those same lots
--   parking_occupancy   1 - free / capacity
--   volunteers_on_duty  people on duty at the posts now (posts keep no history:
--                       null for any earlier instant)
--   volunteers_planned  people planned at the posts whose shift covers the
--                       Shanghai time of day of p_at
--   fire_reach          share of meta-grids whose centre (ST_Centroid) lies within
--                       a station's response radius: 1500 m municipal, 300 m micro
--                       (as the map's coverage shading); stations keep no
--                       history: null for any earlier instant
create function public.wall_kpis_at(p_area_ids int[], p_at timestamptz, p_target numeric, p_current boolean)
returns table (kpi text, value float8)
language plpgsql stable set search_path = public, extensions as $$
declare
  day_start timestamptz := date_trunc('day', p_at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai';
  time_of_day time := (p_at at time zone 'Asia/Shanghai')::time;
  area geometry := (select ST_Union(s.geom) from public.subdistricts s where s.id = any (p_area_ids));
begin
  return query
  with known as (
    select c.status, c.reported_at, c.due_at, case when c.closed_at <= p_at then c.closed_at end as closed_at
    from public.cases c
    where c.subdistrict_id = any (p_area_ids) and c.duplicate_of is null and c.reported_at <= p_at),
  open_now as (select * from known w where w.status <> 'rejected' and w.closed_at is null),
  rated as (
    select count(*) filter (where w.status <> 'rejected') as n_rated,
           count(w.closed_at) as n_closed,
           count(*) filter (where w.closed_at <= w.due_at) as n_on_time,
           percentile_cont(0.5) within group (order by extract(epoch from w.closed_at - w.reported_at) / 3600)
             filter (where w.closed_at is not null) as median_hours
    from known w where w.reported_at > p_at - interval '30 days'),
  lots as (
    select l.capacity,
           coalesce((select r.free_spaces from public.parking_readings r
                     where r.lot_id = l.id and r.observed_at <= p_at order by r.observed_at desc limit 1),
                    case when l.updated_at <= p_at then l.free_spaces end) as free
    from public.parking_lots l where ST_Covers(area, l.geom)),
  known_lots as (select * from lots where free is not null),
  posts as (select * from public.volunteer_posts v where ST_Covers(area, v.geom)),
  meta as (select ST_Centroid(g.geom)::geography as centre from public.grids g
           where g.level = 'meta_grid' and g.subdistrict_id = any (p_area_ids))
  select k.kpi, k.value from rated r, lateral (values
    ('open_cases', (select count(*) from open_now)::float8),
    ('overdue', (select count(*) from open_now o where o.due_at < p_at)::float8),
    ('reported_today', (select count(*) from known w where w.reported_at >= day_start)::float8),
    ('closed_today', (select count(*) from known w where w.closed_at >= day_start)::float8),
    ('close_rate', r.n_closed::float8 / nullif(r.n_rated, 0)),
    ('close_rate_target', p_target::float8),
    ('close_rate_met', case when r.n_rated > 0 then (r.n_closed >= p_target * r.n_rated)::int end::float8),
    ('on_time_close_rate', r.n_on_time::float8 / nullif(r.n_closed, 0)),
    ('median_close_hours', r.median_hours::float8),
    ('parking_free', (select sum(free) from known_lots)::float8),
    ('parking_capacity', (select sum(capacity) from known_lots)::float8),
    ('parking_occupancy', (select 1 - sum(free)::float8 / nullif(sum(capacity), 0) from known_lots)),
    ('volunteers_on_duty', case when p_current then (select coalesce(sum(on_duty), 0) from posts)::float8 end),
    ('volunteers_planned', (select coalesce(sum(planned), 0) from posts
                            where time_of_day >= shift_start and time_of_day < shift_end)::float8),
    ('fire_reach', case when p_current then
       (select avg((exists (select 1 from public.fire_stations f
                            where ST_DWithin(m.centre, f.geom::geography, case f.kind when 'municipal' then 1500 else 300 end)))::int)
        from meta m)::float8 end)
  ) as k(kpi, value);
end $$;

-- The wall's KPIs for the named sub-districts (all when none), at p_at and at
-- the same hour the day before (p_at - 24 h), against a close-rate target.
create function public.wall_kpis(p_subdistrict_codes text[] default null, p_target numeric default 0.96,
                                 p_at timestamptz default null)
returns table (kpi text, now_value float8, yesterday_value float8)
language plpgsql stable set search_path = public, extensions as $$
declare
  ids int[] := public.wall_area_ids(p_subdistrict_codes);
  at_time timestamptz := coalesce(p_at, now());
begin
  if p_target is null or p_target <= 0 or p_target > 1 then
    raise exception 'close-rate target % is out of range: expected a share above 0 and at most 1 (0.96 for 96 %%)',
      coalesce(p_target::text, 'null') using errcode = '22023';
  end if;
  if not isfinite(at_time) then
    raise exception 'invalid instant %: expected a finite time', at_time using errcode = '22023';
  end if;
  return query
    select n.kpi, n.value, y.value
    from public.wall_kpis_at(ids, at_time, p_target, true) n
    join public.wall_kpis_at(ids, at_time - interval '24 hours', p_target, false) y using (kpi);
end $$;

-- Open and overdue cases (as defined for wall_kpis, at p_at) per km² of each
-- top-level grid of the named sub-districts, with each grid's bounds; grids
-- without cases are listed with zeros.
create function public.wall_grids(p_subdistrict_codes text[] default null, p_at timestamptz default null)
returns table (grid_id int, code text, name_zh text, name_en text, area_km2 float8, open_cases int, overdue int,
               open_per_km2 float8, overdue_per_km2 float8, west float8, south float8, east float8, north float8)
language sql stable set search_path = public, extensions as $$
  with top as (
    select g.* from public.grids g
    where g.level = 'grid' and g.subdistrict_id = any (public.wall_area_ids(p_subdistrict_codes))),
  at_time as (select coalesce(p_at, now()) as t),
  counted as (
    select t.id, count(c.id) as n_open, count(c.id) filter (where c.due_at < (select at_time.t from at_time)) as n_overdue
    from top t
    left join public.grids micro on micro.parent_id = t.id
    left join public.grids meta on meta.parent_id = micro.id
    left join public.cases c on c.grid_id in (t.id, micro.id, meta.id)
      and c.duplicate_of is null and c.status <> 'rejected'
      and c.reported_at <= (select at_time.t from at_time)
      and (c.closed_at is null or c.closed_at > (select at_time.t from at_time))
    group by t.id)
  select t.id, t.code, t.name_zh, t.name_en, ST_Area(t.geom::geography) / 1e6,
         ct.n_open::int, ct.n_overdue::int,
         ct.n_open / (ST_Area(t.geom::geography) / 1e6), ct.n_overdue / (ST_Area(t.geom::geography) / 1e6),
         ST_XMin(t.geom), ST_YMin(t.geom), ST_XMax(t.geom), ST_YMax(t.geom)
  from top t join counted ct on ct.id = t.id
  order by t.code
$$;

-- The helpers run as the caller (wall_kpis is invoker code).
revoke execute on function public.subdistrict_short_code(int), public.wall_area_ids(text[]),
  public.wall_kpis_at(int[], timestamptz, numeric, boolean), public.wall_areas(text[]),
  public.wall_kpis(text[], numeric, timestamptz), public.wall_grids(text[], timestamptz)
  from public, anon, authenticated;
grant execute on function public.subdistrict_short_code(int), public.wall_area_ids(text[]),
  public.wall_kpis_at(int[], timestamptz, numeric, boolean), public.wall_areas(text[]),
  public.wall_kpis(text[], numeric, timestamptz), public.wall_grids(text[], timestamptz)
  to anon, authenticated, service_role;
