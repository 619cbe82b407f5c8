set search_path = public, extensions;

-- Tolerance for containment and sibling overlap, in square metres of area
-- outside the parent (or shared with a sibling), plus a share of the area.
create function public.area_tolerance_m2(area_m2 float8) returns float8
language sql immutable as $$ select 5.0 + area_m2 * 0.001 $$;

create table public.subdistricts (
  id int generated always as identity primary key,
  code text not null unique check (code ~ '^[a-z0-9_]{2,40}$'),
  name_zh text not null check (length(name_zh) between 1 and 60),
  name_en text not null check (length(name_en) between 1 and 80),
  district_zh text not null,
  district_en text not null,
  synthetic boolean not null default false,
  source text not null,
  geom geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom))
);
create index subdistricts_geom_idx on public.subdistricts using gist (geom);

create type public.grid_level as enum ('grid', 'micro_grid', 'meta_grid');

create table public.grids (
  id int generated always as identity primary key,
  subdistrict_id int not null references public.subdistricts (id) on delete cascade,
  level public.grid_level not null,
  parent_id int references public.grids (id) on delete cascade,
  code text not null unique check (code ~ '^[A-Za-z0-9_-]{2,40}$'),
  name_zh text not null check (length(name_zh) between 1 and 80),
  name_en text not null check (length(name_en) between 1 and 120),
  responsible_name text not null check (length(responsible_name) between 1 and 40),
  responsible_phone text not null check (responsible_phone ~ '^[0-9+ -]{5,20}$'),
  synthetic boolean not null default true,
  geom geometry(MultiPolygon, 4326) not null,
  check ((level = 'grid') = (parent_id is null))
);
create index grids_geom_idx on public.grids using gist (geom);
create index grids_parent_idx on public.grids (parent_id);

-- A grid lies inside its parent (a top-level grid inside its sub-district) and
-- overlaps none of its siblings, each within area_tolerance_m2.
create function public.check_grid_hierarchy() returns trigger
language plpgsql set search_path = public, extensions as $$
declare
  parent_level public.grid_level;
  container geometry;
  area_m2 float8;
  outside_m2 float8;
  sibling record;
begin
  if not ST_IsValid(new.geom) then
    raise exception 'grid %: invalid geometry (%)', new.code, ST_IsValidReason(new.geom)
      using errcode = '22023';
  end if;
  if new.parent_id is null then
    select s.geom into container from public.subdistricts s where s.id = new.subdistrict_id;
  else
    select p.level, p.geom into parent_level, container from public.grids p
      where p.id = new.parent_id and p.subdistrict_id = new.subdistrict_id;
    if container is null then
      raise exception 'grid %: parent % not found in the same sub-district', new.code, new.parent_id
        using errcode = '23503';
    end if;
    if (new.level = 'micro_grid' and parent_level <> 'grid')
       or (new.level = 'meta_grid' and parent_level <> 'micro_grid') then
      raise exception 'grid %: a % cannot have a % as parent', new.code, new.level, parent_level
        using errcode = '23514';
    end if;
  end if;

  area_m2 := ST_Area(new.geom::geography);
  outside_m2 := ST_Area(ST_Difference(new.geom, container)::geography);
  if outside_m2 > public.area_tolerance_m2(area_m2) then
    raise exception 'grid %: % m² lies outside its parent', new.code, round(outside_m2::numeric)
      using errcode = '23514';
  end if;

  for sibling in
    select g.code, ST_Area(ST_Intersection(g.geom, new.geom)::geography) as shared_m2
    from public.grids g
    where g.subdistrict_id = new.subdistrict_id and g.level = new.level
      and g.parent_id is not distinct from new.parent_id and g.id <> new.id
      and g.geom && new.geom and ST_Intersects(g.geom, new.geom)
  loop
    if sibling.shared_m2 > public.area_tolerance_m2(area_m2) then
      raise exception 'grid %: overlaps sibling % by % m²', new.code, sibling.code,
        round(sibling.shared_m2::numeric) using errcode = '23514';
    end if;
  end loop;
  return new;
end $$;

create trigger grids_check_hierarchy
  before insert or update of geom, parent_id, level, subdistrict_id on public.grids
  for each row execute function public.check_grid_hierarchy();

-- Grids an inspector works in; an assignment covers the grid's descendants.
create table public.inspector_grids (
  user_id uuid not null,
  grid_id int not null references public.grids (id) on delete cascade,
  primary key (user_id, grid_id)
);
