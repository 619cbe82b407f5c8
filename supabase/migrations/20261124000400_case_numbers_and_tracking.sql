set search_path = public, extensions;

-- Case numbers count per Shanghai calendar day: CG20261123-000042. The
-- counter widens past 999,999 instead of truncating, so a number is never
-- issued twice.
create table public.case_number_days (
  day date primary key,
  last_no int not null check (last_no >= 0)
);
alter table public.case_number_days enable row level security;

-- Start each day's counter after the numbers already issued that day.
insert into public.case_number_days (day, last_no)
select to_date(substr(case_no, 3, 8), 'YYYYMMDD'), max(split_part(case_no, '-', 2)::int)
from public.cases
where case_no ~ '^CG[0-9]{8}-[0-9]+$'
group by 1;

create function public.next_case_no(p_reported_at timestamptz) returns text
language plpgsql security definer set search_path = public, extensions as $$
declare
  report_day date := (p_reported_at at time zone 'Asia/Shanghai')::date;
  n int;
  candidate text;
begin
  loop
    insert into public.case_number_days as d (day, last_no) values (report_day, 1)
      on conflict (day) do update set last_no = d.last_no + 1
      returning d.last_no into n;
    candidate := 'CG' || to_char(report_day, 'YYYYMMDD') || '-' || lpad(n::text, greatest(6, length(n::text)), '0');
    exit when not exists (select 1 from public.cases c where c.case_no = candidate);
  end loop;
  return candidate;
end $$;

-- The reporter's key to follow a case: 12 characters from a 32-letter
-- alphabet without 0/O/1/I (60 random bits), unrelated to the case number.
create function public.new_tracking_code() returns text
language sql volatile set search_path = public, extensions as $$
  select string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', get_byte(r.b, i) % 32 + 1, 1), '' order by i)
  from (select uuid_send(gen_random_uuid()) as b) r,
       unnest(array[0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13]) as i
$$;

select set_config('citygrid.bulk_load', 'on', false);
alter table public.cases add column tracking_code text;
update public.cases set tracking_code = public.new_tracking_code() where tracking_code is null;
alter table public.cases
  alter column tracking_code set default public.new_tracking_code(),
  alter column tracking_code set not null,
  add constraint cases_tracking_code_key unique (tracking_code);
select set_config('citygrid.bulk_load', 'off', false);

create or replace function public.prepare_case() returns trigger
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
    new.case_no := public.next_case_no(new.reported_at);
  elsif new.case_no is distinct from old.case_no or new.tracking_code is distinct from old.tracking_code then
    raise exception 'case %: case number and tracking code never change', old.case_no using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end $$;

-- What a tracking code shows: status, due time, the public timeline (no
-- notes, no people) and the description with phone and ID numbers masked.
create function public.track_case(p_tracking_code text)
returns table (case_no text, category_code text, status text, description text,
               reported_at timestamptz, due_at timestamptz, closed_at timestamptz, timeline jsonb)
language sql stable security definer set search_path = public, extensions as $$
  select c.case_no, c.category_code, c.status::text, public.mask_personal_numbers(c.description),
         c.reported_at, c.due_at, c.closed_at,
         (select coalesce(jsonb_agg(jsonb_build_object('status', e.to_status, 'at', e.created_at) order by e.id), '[]'::jsonb)
          from public.case_events e where e.case_id = c.id)
  from public.cases c
  where c.tracking_code = upper(regexp_replace(coalesce(p_tracking_code, ''), '[\s-]', '', 'g'))
$$;

-- The public sees descriptions and addresses with phone and ID numbers
-- masked; staff see them as written.
create or replace function public.case_detail(p_case_id int)
returns table (id int, case_no text, category_code text, source text, status text,
               description text, address text, lon float8, lat float8, grid_id int,
               grid_code text, reported_at timestamptz, due_at timestamptz,
               closed_at timestamptz, reporter_contact text, events jsonb)
language sql stable security definer set search_path = public, extensions as $$
  select c.id, c.case_no, c.category_code, c.source::text, c.status::text,
         case when public.is_staff() then c.description else public.mask_personal_numbers(c.description) end,
         case when public.is_staff() then c.address else public.mask_personal_numbers(c.address) end,
         ST_X(c.geom), ST_Y(c.geom), c.grid_id, g.code, c.reported_at, c.due_at,
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

-- Through the table API the public reads the map columns of a case only:
-- never its tracking code, and its free text only masked, through
-- case_detail() and track_case().
revoke select on public.cases from anon, authenticated;
-- Realtime's postgres_changes would stream whole rows: cases reach browsers
-- through the Broadcast change events only (ids, then a read through RLS).
alter publication supabase_realtime drop table public.cases;
grant select (id, case_no, category_code, source, status, geom, subdistrict_id, grid_id,
              reported_at, due_at, closed_at, updated_at)
  on public.cases to anon, authenticated;

create or replace function public.kpi_summary(p_subdistrict_code text default null)
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
  with c as (select cs.status, cs.reported_at, cs.due_at, cs.closed_at from public.cases cs
             where area_id is null or cs.subdistrict_id = area_id)
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
