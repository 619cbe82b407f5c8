set search_path = public, extensions;

-- Digital urban-management catalogue: components (部件) and events (事件).
create table public.case_categories (
  code text primary key check (code ~ '^[A-Z0-9-]{2,20}$'),
  kind text not null check (kind in ('component', 'event')),
  name_zh text not null check (length(name_zh) between 1 and 40),
  name_en text not null check (length(name_en) between 1 and 80),
  sla_hours float8 not null check (sla_hours > 0 and sla_hours <= 24 * 90),
  active boolean not null default true
);

create type public.case_source as enum ('resident_qr', 'inspector_patrol', 'ai_camera', 'hotline_12345');
create type public.case_status as enum
  ('reported', 'registered', 'dispatched', 'handling', 'handled', 'closed', 'rejected');

-- Legal transitions and the application roles allowed to make them.
create table public.case_transitions (
  from_status public.case_status not null,
  to_status public.case_status not null,
  roles text[] not null,
  primary key (from_status, to_status)
);
insert into public.case_transitions (from_status, to_status, roles) values
  ('reported',   'registered', '{inspector,commander,admin,service}'),
  ('reported',   'rejected',   '{inspector,commander,admin,service}'),
  ('registered', 'dispatched', '{inspector,commander,admin,service}'),
  ('dispatched', 'handling',   '{inspector,commander,admin,service}'),
  ('handling',   'handled',    '{inspector,commander,admin,service}'),
  ('handled',    'handling',   '{inspector,commander,admin,service}'),
  ('handled',    'closed',     '{inspector,commander,admin,service}'),
  ('closed',     'registered', '{commander,admin,service}'),
  ('rejected',   'registered', '{commander,admin,service}');

create table public.cases (
  id int generated always as identity primary key,
  case_no text not null unique default '',
  category_code text not null references public.case_categories (code),
  source public.case_source not null,
  status public.case_status not null default 'reported',
  description text not null check (length(description) between 1 and 2000),
  address text check (length(address) <= 200),
  geom geometry(Point, 4326) not null,
  subdistrict_id int references public.subdistricts (id),
  grid_id int references public.grids (id) on delete set null,
  reported_at timestamptz not null default now(),
  due_at timestamptz not null default now(),
  closed_at timestamptz,
  updated_at timestamptz not null default now()
);
create index cases_geom_idx on public.cases using gist (geom);
create index cases_grid_status_idx on public.cases (grid_id, status);
create index cases_reported_at_idx on public.cases (reported_at);

-- Reporter contact lives apart so that only staff can ever read it.
create table public.case_reporters (
  case_id int primary key references public.cases (id) on delete cascade,
  contact text not null check (length(contact) between 1 and 100)
);

create table public.case_events (
  id bigint generated always as identity primary key,
  case_id int not null references public.cases (id),
  actor_id uuid,
  actor_role text not null,
  from_status public.case_status,
  to_status public.case_status not null,
  note text check (length(note) <= 1000),
  created_at timestamptz not null default now()
);
create index case_events_case_idx on public.case_events (case_id, created_at);

-- The application role of the caller, from Supabase's JWT claims:
-- public (anon), resident (signed in, no staff role), inspector, commander,
-- admin, or service (service_role key).
create function public.app_role() returns text
language sql stable set search_path = public, extensions as $$
  select case
    when auth.role() = 'service_role' then 'service'
    when auth.role() = 'authenticated' then
      case when auth.jwt() -> 'app_metadata' ->> 'citygrid_role' in ('inspector', 'commander', 'admin')
           then auth.jwt() -> 'app_metadata' ->> 'citygrid_role'
           else 'resident' end
    else 'public'
  end
$$;

create function public.finest_grid_at(p_point geometry) returns int
language sql stable set search_path = public, extensions as $$
  select g.id from public.grids g
  where g.geom && p_point and ST_Covers(g.geom, p_point)
  order by g.level desc, g.id
  limit 1
$$;

create function public.prepare_case() returns trigger
language plpgsql set search_path = public, extensions as $$
begin
  if tg_op = 'INSERT' or new.geom is distinct from old.geom then
    new.grid_id := public.finest_grid_at(new.geom);
    select s.id into new.subdistrict_id from public.subdistricts s
      where s.geom && new.geom and ST_Covers(s.geom, new.geom) order by s.id limit 1;
  end if;
  if tg_op = 'INSERT' or new.category_code is distinct from old.category_code then
    new.due_at := new.reported_at
      + make_interval(secs => 3600 * (select c.sla_hours from public.case_categories c where c.code = new.category_code));
  end if;
  if tg_op = 'INSERT' then
    new.case_no := 'CG' || to_char(new.reported_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(new.id::text, 6, '0');
  end if;
  new.updated_at := now();
  return new;
end $$;

create trigger cases_prepare before insert or update on public.cases
  for each row execute function public.prepare_case();

create function public.guard_case_transition() returns trigger
language plpgsql set search_path = public, extensions as $$
declare
  caller text := public.app_role();
  allowed text[];
begin
  if new.status is not distinct from old.status then
    return new;
  end if;
  select t.roles into allowed from public.case_transitions t
    where t.from_status = old.status and t.to_status = new.status;
  if allowed is null then
    raise exception 'illegal case transition % → % (case %)', old.status, new.status, old.case_no
      using errcode = '23514', hint = 'see table case_transitions for the legal moves';
  end if;
  if not caller = any(allowed) then
    raise exception 'role % may not move case % from % to %', caller, old.case_no, old.status, new.status
      using errcode = '42501';
  end if;
  new.closed_at := case when new.status = 'closed' then now() end;
  return new;
end $$;

create trigger cases_guard_transition before update of status on public.cases
  for each row execute function public.guard_case_transition();

-- Append one event per status change; a note may ride along in the
-- transaction-local setting citygrid.transition_note.
create function public.log_case_event() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    insert into public.case_events (case_id, actor_id, actor_role, from_status, to_status, note)
    values (new.id, auth.uid(), public.app_role(),
            case when tg_op = 'UPDATE' then old.status end, new.status,
            nullif(current_setting('citygrid.transition_note', true), ''));
  end if;
  return null;
end $$;

create trigger cases_log_event after insert or update of status on public.cases
  for each row execute function public.log_case_event();

create function public.forbid_change() returns trigger
language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = '42501';
end $$;

create trigger case_events_append_only before update or delete on public.case_events
  for each row execute function public.forbid_change();
