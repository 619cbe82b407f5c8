set search_path = public, extensions;

-- What is wrong with a stored geometry, or NULL when nothing is: it must be a
-- non-empty, valid geometry in WGS84 (SRID 4326) with finite longitudes and
-- latitudes.
create function public.geometry_problem(p_geom geometry) returns text
language plpgsql immutable set search_path = public, extensions as $$
begin
  if p_geom is null then
    return 'no geometry';
  elsif ST_SRID(p_geom) <> 4326 then
    return format('SRID %s, expected 4326 (WGS84 longitude/latitude)', ST_SRID(p_geom));
  elsif ST_IsEmpty(p_geom) then
    return 'empty geometry';
  elsif not (ST_XMin(p_geom) >= -180 and ST_XMax(p_geom) <= 180 and ST_YMin(p_geom) >= -90 and ST_YMax(p_geom) <= 90) then
    return 'coordinates are not finite WGS84 longitude/latitude';
  elsif not ST_IsValid(p_geom) then
    return 'invalid geometry: ' || ST_IsValidReason(p_geom);
  end if;
  return null;
end $$;

-- The service area is the union of the served sub-districts. A point must
-- lie in it; a shape may reach outside by no more than the tolerance the grid
-- hierarchy allows (coordinates are stored rounded to about 0.1 m).
create function public.in_service_area(p_geom geometry) returns boolean
language sql stable set search_path = public, extensions as $$
  select case when GeometryType(p_geom) = 'POINT'
    then exists (select 1 from public.subdistricts s where s.geom && p_geom and ST_Covers(s.geom, p_geom))
    else coalesce((
      select ST_Area(ST_Difference(p_geom, ST_Union(s.geom))::geography)
             <= public.area_tolerance_m2(ST_Area(p_geom::geography))
      from public.subdistricts s where s.geom && p_geom), false)
  end
$$;

-- One rule for every geometry column, for every role (service_role too).
-- Trigger arguments name the columns; `geom?` may be NULL. With the first
-- argument 'anywhere' the columns need only be valid WGS84 (sub-districts,
-- which define the area, and grids, which the hierarchy trigger keeps inside
-- their parent); otherwise they must lie inside the service area.
create function public.check_geometry() returns trigger
language plpgsql set search_path = public, extensions as $$
declare
  anywhere boolean := tg_argv[0] = 'anywhere';
  arg text;
  col text;
  g geometry;
  problem text;
begin
  foreach arg in array tg_argv[case when anywhere then 1 else 0 end:] loop
    col := rtrim(arg, '?');
    execute format('select ($1).%I::geometry', col) into g using new;
    continue when g is null and arg like '%?';
    problem := public.geometry_problem(g);
    if problem is null and not anywhere and not public.in_service_area(g) then
      problem := case when GeometryType(g) = 'POINT'
        then format('location (%s, %s) is outside the service area', ST_X(g), ST_Y(g))
        else 'geometry reaches outside the service area' end;
    end if;
    if problem is not null then
      raise exception '% %: % %', tg_table_name, public.row_label(tg_relid, new), col, problem
        using errcode = '23514', hint = 'geometries are WGS84 (EPSG:4326) and lie inside the served sub-districts';
    end if;
  end loop;
  return new;
end $$;

create trigger subdistricts_check_geometry before insert or update of geom on public.subdistricts
  for each row execute function public.check_geometry('anywhere', 'geom');
create trigger grids_check_geometry before insert or update of geom on public.grids
  for each row execute function public.check_geometry('anywhere', 'geom');
create trigger cases_check_geometry before insert or update of geom on public.cases
  for each row execute function public.check_geometry('geom');
create trigger fire_stations_check_geometry before insert or update of geom on public.fire_stations
  for each row execute function public.check_geometry('geom');
create trigger parking_lots_check_geometry before insert or update of geom, footprint on public.parking_lots
  for each row execute function public.check_geometry('geom', 'footprint?');
create trigger volunteer_posts_check_geometry before insert or update of geom on public.volunteer_posts
  for each row execute function public.check_geometry('geom');

-- GeoJSON locations: a declared crs other than WGS84 is refused, not
-- ignored, and a third coordinate must be a number too.
create or replace function public.point_from_geojson(p_geojson jsonb) returns geometry
language plpgsql immutable set search_path = public, extensions as $$
declare
  geometry_json jsonb := case when p_geojson ->> 'type' = 'Feature' then p_geojson -> 'geometry' else p_geojson end;
  coords jsonb := geometry_json -> 'coordinates';
  crs text := coalesce(p_geojson -> 'crs', geometry_json -> 'crs') #>> '{properties,name}';
  point geometry;
begin
  -- CASE, not AND: jsonb_array_length must only see an array.
  if not coalesce(case when geometry_json ->> 'type' = 'Point' and jsonb_typeof(coords) = 'array'
                   then jsonb_array_length(coords) in (2, 3)
                        and jsonb_typeof(coords -> 0) = 'number'
                        and jsonb_typeof(coords -> 1) = 'number'
                        and coalesce(jsonb_typeof(coords -> 2), 'number') = 'number'
                   else false end, false) then
    raise exception 'malformed GeoJSON location %: expected {"type":"Point","coordinates":[lon, lat]}',
      left(coalesce(p_geojson::text, 'null'), 120) using errcode = '22023';
  end if;
  if (p_geojson ? 'crs' or geometry_json ? 'crs')
     and coalesce(crs, '') not in ('EPSG:4326', 'urn:ogc:def:crs:EPSG::4326', 'urn:ogc:def:crs:OGC:1.3:CRS84',
                                   'urn:ogc:def:crs:OGC::CRS84', 'OGC:CRS84', 'CRS84') then
    raise exception 'GeoJSON location declares crs %: only WGS84 longitude/latitude (EPSG:4326, CRS84) is accepted',
      coalesce(quote_literal(crs), 'without a name') using errcode = '22023';
  end if;
  point := ST_SetSRID(ST_MakePoint((coords ->> 0)::float8, (coords ->> 1)::float8), 4326);
  if ST_X(point) not between -180 and 180 or ST_Y(point) not between -90 and 90 then
    raise exception 'location (%, %) is not a WGS84 longitude and latitude', ST_X(point), ST_Y(point)
      using errcode = '22023';
  end if;
  return point;
end $$;

