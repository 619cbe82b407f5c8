set search_path = public, extensions;

-- What the residents' parking page reads: the nearest lots with free spaces
-- as seen from a point (open now, how old the number is), a lot's readings
-- for its sparkline, and a search over the names the database holds.

-- Readings arrive every 15 minutes: a number older than two missed readings is stale.
create function public.parking_stale_after() returns interval
language sql immutable set search_path = public, extensions as $$ select interval '30 minutes' $$;

-- Whether 'HH:MM-HH:MM' hours, in Shanghai time, include the moment. Hours
-- past midnight ('22:00-07:00', shared lots at night) wrap; equal ends mean all day.
create function public.parking_open_at(p_hours text, p_at timestamptz) returns boolean
language sql immutable set search_path = public, extensions as $$
  select case when o < c then t >= o and t < c else t >= o or t < c end
  from (select (p_at at time zone 'Asia/Shanghai')::time as t,
               split_part(p_hours, '-', 1)::time as o, split_part(p_hours, '-', 2)::time as c) h
$$;

-- Points farther than this from every served sub-district are refused: there is no parking data out there.
create function public.parking_search_reach_m() returns float8
language sql immutable set search_path = public, extensions as $$ select 2000::float8 $$;

drop function public.nearest_parking(float8, float8, int, int);

-- The nearest lots with at least p_min_free free spaces by straight-line
-- (geodesic) distance, ties by id; or, with p_ids, exactly those lots seen
-- from the point, full or not (a listed lot re-read after a change).
-- The k nearest by planar KNN bound the k-th geodesic distance; every lot
-- within that distance lies inside a planar radius that a degree of
-- longitude at this latitude cannot undercut, so the index finds them all.
create function public.nearest_parking(
  p_lon float8, p_lat float8, p_min_free int default 1, p_limit int default 10, p_ids int[] default null)
returns table (id int, code text, kind text, name_zh text, name_en text, capacity int,
               free_spaces int, fee_per_hour_cny float8, hours text, lon float8, lat float8,
               updated_at timestamptz, distance_m float8, open_now boolean, age_s float8, stale boolean)
language plpgsql stable set search_path = public, extensions as $$
declare
  here geometry;
  min_free int := greatest(coalesce(p_min_free, 1), 0);
  reach_m float8;
begin
  if p_lon is null or p_lat is null or p_lon not between -180 and 180 or p_lat not between -90 and 90 then
    raise exception 'invalid location (%, %): expected WGS84 longitude and latitude', p_lon, p_lat
      using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 100 then
    raise exception 'invalid limit %: expected 1 to 100', p_limit using errcode = '22023';
  end if;
  if cardinality(p_ids) > 100 then
    raise exception 'too many lots (%): at most 100 a call', cardinality(p_ids) using errcode = '22023';
  end if;
  here := ST_SetSRID(ST_MakePoint(p_lon, p_lat), 4326);
  if not exists (select 1 from public.subdistricts s
                 where ST_DWithin(s.geom::geography, here::geography, public.parking_search_reach_m())) then
    raise exception 'location (%, %) is outside the service area: parking is listed within % m of the served sub-districts',
      round(p_lon::numeric, 5), round(p_lat::numeric, 5), public.parking_search_reach_m()
      using errcode = '22023';
  end if;
  if p_ids is null then
    select max(ST_Distance(k.geom::geography, here::geography)) into reach_m
    from (select l.geom from public.parking_lots l where l.free_spaces >= min_free
          order by l.geom <-> here limit p_limit) k;
  end if;
  return query
    select l.id, l.code, l.kind, l.name_zh, l.name_en, l.capacity, l.free_spaces,
           l.fee_per_hour_cny, l.hours, ST_X(l.geom), ST_Y(l.geom), l.updated_at,
           ST_Distance(l.geom::geography, here::geography),
           public.parking_open_at(l.hours, now()),
           greatest(extract(epoch from now() - l.updated_at)::float8, 0),
           now() - l.updated_at > public.parking_stale_after()
    from public.parking_lots l
    where case when p_ids is not null then l.id = any(p_ids)
               else l.free_spaces >= min_free
                    and ST_DWithin(l.geom, here, reach_m / (110000 * cos(radians(least(abs(p_lat) + 1, 89))))) end
    order by 13, 1
    limit case when p_ids is null then p_limit end;
end $$;

-- Readings of the given lots over the last p_hours, by the database clock, oldest first.
create function public.parking_history(p_lot_ids int[], p_hours int default 24)
returns table (lot_id int, observed_at timestamptz, free_spaces int)
language plpgsql stable set search_path = public, extensions as $$
begin
  if p_lot_ids is null or cardinality(p_lot_ids) > 100 then
    raise exception 'expected 1 to 100 lot ids (got %)', coalesce(cardinality(p_lot_ids), 0) using errcode = '22023';
  end if;
  if p_hours is null or p_hours not between 1 and 168 then
    raise exception 'invalid hours %: expected 1 to 168', p_hours using errcode = '22023';
  end if;
  return query
    select r.lot_id, r.observed_at, r.free_spaces from public.parking_readings r
    where r.lot_id = any(p_lot_ids) and r.observed_at >= now() - make_interval(hours => p_hours)
    order by r.lot_id, r.observed_at;
end $$;

-- Places to look for parking from, by name or code: sub-districts, lots
-- (whose names carry their street and number) and grids (the communities).
-- Whole-name and leading matches first, then by that kind order and the shorter name.
create function public.search_parking_places(p_query text, p_limit int default 8)
returns table (kind text, code text, name_zh text, name_en text, lon float8, lat float8)
language plpgsql stable set search_path = public, extensions as $$
declare
  q text := lower(btrim(coalesce(p_query, '')));
  pattern text;
begin
  if length(q) not between 1 and 60 then
    raise exception 'a search needs 1 to 60 characters (got %)', length(q) using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 50 then
    raise exception 'invalid limit %: expected 1 to 50', p_limit using errcode = '22023';
  end if;
  pattern := '%' || replace(replace(replace(q, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  return query
    with places as (
      select 'subdistrict' as kind, s.code, s.name_zh, s.name_en, ST_PointOnSurface(s.geom) as p, 0 as kind_rank
      from public.subdistricts s
      union all
      select 'grid', g.code, g.name_zh, g.name_en, ST_PointOnSurface(g.geom), 2 from public.grids g where g.level = 'grid'
      union all
      select 'lot', l.code, l.name_zh, l.name_en, l.geom, 1 from public.parking_lots l
    )
    select p.kind, p.code, p.name_zh, p.name_en, ST_X(p.p), ST_Y(p.p)
    from places p
    where lower(p.name_zh) like pattern or lower(p.name_en) like pattern or lower(p.code) like pattern
    order by (lower(p.name_zh) = q or lower(p.name_en) = q or lower(p.code) = q) desc,
             (starts_with(lower(p.name_zh), q) or starts_with(lower(p.name_en), q)) desc,
             p.kind_rank, length(p.name_zh), p.code
    limit p_limit;
end $$;

revoke execute on function public.parking_stale_after(), public.parking_open_at(text, timestamptz),
  public.parking_search_reach_m(), public.nearest_parking(float8, float8, int, int, int[]),
  public.parking_history(int[], int), public.search_parking_places(text, int) from public;
grant execute on function public.parking_stale_after(), public.parking_open_at(text, timestamptz),
  public.parking_search_reach_m(), public.nearest_parking(float8, float8, int, int, int[]),
  public.parking_history(int[], int), public.search_parking_places(text, int)
  to anon, authenticated, service_role;
