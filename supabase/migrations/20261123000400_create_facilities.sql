set search_path = public, extensions;

create table public.fire_stations (
  id int generated always as identity primary key,
  code text not null unique,
  kind text not null check (kind in ('municipal', 'micro')),
  name_zh text not null check (length(name_zh) between 1 and 60),
  name_en text not null check (length(name_en) between 1 and 100),
  staff int not null check (staff between 0 and 500),
  response_minutes float8 not null check (response_minutes > 0 and response_minutes <= 60),
  synthetic boolean not null default true,
  geom geometry(Point, 4326) not null
);
create index fire_stations_geom_idx on public.fire_stations using gist (geom);

create table public.parking_lots (
  id int generated always as identity primary key,
  code text not null unique,
  kind text not null check (kind in ('public', 'residential', 'shared', 'on_street')),
  name_zh text not null check (length(name_zh) between 1 and 60),
  name_en text not null check (length(name_en) between 1 and 100),
  capacity int not null check (capacity between 1 and 10000),
  free_spaces int not null check (free_spaces between 0 and capacity),
  fee_per_hour_cny float8 check (fee_per_hour_cny >= 0),
  hours text not null default '00:00-24:00' check (hours ~ '^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$'),
  synthetic boolean not null default true,
  geom geometry(Point, 4326) not null,
  footprint geometry(MultiPolygon, 4326) check (footprint is null or ST_IsValid(footprint)),
  updated_at timestamptz not null default now()
);
create index parking_lots_geom_idx on public.parking_lots using gist (geom);

create table public.parking_readings (
  lot_id int not null references public.parking_lots (id) on delete cascade,
  observed_at timestamptz not null,
  free_spaces int not null check (free_spaces >= 0),
  primary key (lot_id, observed_at)
);

-- A newer reading moves the lot's current free spaces.
create function public.apply_parking_reading() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
declare
  lot_capacity int;
begin
  select capacity into lot_capacity from public.parking_lots where id = new.lot_id;
  if new.free_spaces > lot_capacity then
    raise exception 'parking reading for lot %: % free exceeds capacity %', new.lot_id, new.free_spaces, lot_capacity
      using errcode = '23514';
  end if;
  update public.parking_lots
    set free_spaces = new.free_spaces, updated_at = new.observed_at
    where id = new.lot_id and updated_at <= new.observed_at;
  return new;
end $$;

create trigger parking_readings_apply after insert on public.parking_readings
  for each row execute function public.apply_parking_reading();

create table public.volunteer_posts (
  id int generated always as identity primary key,
  code text not null unique,
  team_zh text not null,
  team_en text not null,
  name_zh text not null check (length(name_zh) between 1 and 60),
  name_en text not null check (length(name_en) between 1 and 100),
  duty_kinds text[] not null check (
    cardinality(duty_kinds) >= 1
    and duty_kinds <@ array['station_duty', 'civility_persuasion', 'order_keeping', 'interpreting']),
  on_duty int not null default 0 check (on_duty >= 0),
  planned int not null check (planned >= 1),
  shift_start time not null,
  shift_end time not null check (shift_end > shift_start),
  synthetic boolean not null default true,
  geom geometry(Point, 4326) not null,
  updated_at timestamptz not null default now()
);
create index volunteer_posts_geom_idx on public.volunteer_posts using gist (geom);
