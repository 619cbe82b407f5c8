set search_path = public, extensions;

-- The working calendar that stage time limits count on (Asia/Shanghai, no
-- daylight saving since 1991):
--   * a working day is Monday to Friday, unless `holidays` says otherwise: a
--     row with is_workday = false is a day off (public holiday or bridging
--     day), a row with is_workday = true is a make-up working day (调休上班)
--     even on a weekend;
--   * working hours are 09:00-12:00 and 13:00-18:00 (8 hours a day); time
--     outside them, the lunch break included, does not count.
-- Admins keep `holidays` current when the State Council publishes each
-- year's arrangement (usually in November for the following year).
create table public.holidays (
  day date primary key,
  name_zh text not null check (length(name_zh) between 1 and 40),
  name_en text not null check (length(name_en) between 1 and 80),
  is_workday boolean not null default false
);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (published 2025-11-04).
insert into public.holidays (day, name_zh, name_en, is_workday)
select d::date, v.name_zh, v.name_en, false
from (values
  ('2026-01-01', '2026-01-03', '元旦', 'New Year''s Day'),
  ('2026-02-15', '2026-02-23', '春节', 'Spring Festival'),
  ('2026-04-04', '2026-04-06', '清明节', 'Qingming Festival'),
  ('2026-05-01', '2026-05-05', '劳动节', 'Labour Day'),
  ('2026-06-19', '2026-06-21', '端午节', 'Dragon Boat Festival'),
  ('2026-09-25', '2026-09-27', '中秋节', 'Mid-Autumn Festival'),
  ('2026-10-01', '2026-10-07', '国庆节', 'National Day')
) v(first_day, last_day, name_zh, name_en)
cross join generate_series(v.first_day::date, v.last_day::date, interval '1 day') d;

insert into public.holidays (day, name_zh, name_en, is_workday) values
  ('2026-01-04', '元旦调休上班', 'New Year make-up working day', true),
  ('2026-02-14', '春节调休上班', 'Spring Festival make-up working day', true),
  ('2026-02-28', '春节调休上班', 'Spring Festival make-up working day', true),
  ('2026-05-09', '劳动节调休上班', 'Labour Day make-up working day', true),
  ('2026-09-20', '国庆节调休上班', 'National Day make-up working day', true),
  ('2026-10-10', '国庆节调休上班', 'National Day make-up working day', true);

-- 2027: the statutory days of 《全国年节及纪念日放假办法》 (as amended in
-- 2024) on their 2027 dates; weekdays among them are certainly days off. The
-- bridging days and make-up working days come with the State Council's 2027
-- notice and are for admins to add when it is published.
insert into public.holidays (day, name_zh, name_en, is_workday) values
  ('2027-01-01', '元旦', 'New Year''s Day', false),
  ('2027-02-05', '春节（除夕）', 'Spring Festival (New Year''s Eve)', false),
  ('2027-02-06', '春节', 'Spring Festival', false),
  ('2027-02-07', '春节', 'Spring Festival', false),
  ('2027-02-08', '春节', 'Spring Festival', false),
  ('2027-04-05', '清明节', 'Qingming Festival', false),
  ('2027-05-01', '劳动节', 'Labour Day', false),
  ('2027-05-02', '劳动节', 'Labour Day', false),
  ('2027-06-09', '端午节', 'Dragon Boat Festival', false),
  ('2027-09-15', '中秋节', 'Mid-Autumn Festival', false),
  ('2027-10-01', '国庆节', 'National Day', false),
  ('2027-10-02', '国庆节', 'National Day', false),
  ('2027-10-03', '国庆节', 'National Day', false);

alter table public.holidays enable row level security;
revoke all on public.holidays from anon, authenticated;
grant select on public.holidays to anon, authenticated;
grant insert, update, delete on public.holidays to authenticated;
grant all on public.holidays to service_role;
create policy holidays_read on public.holidays for select to anon, authenticated using (true);
create policy holidays_admin_write on public.holidays for all to authenticated
  using (public.app_role() = 'admin') with check (public.app_role() = 'admin');
create trigger holidays_clean_text before insert or update on public.holidays
  for each row execute function public.clean_text_columns('name_zh', 'name_en');

create function public.is_working_day(p_day date) returns boolean
language sql stable set search_path = public, extensions as $$
  select coalesce((select h.is_workday from public.holidays h where h.day = p_day),
                  extract(isodow from p_day) < 6)
$$;

-- The working periods of a working day, local time, in order.
create function public.working_periods() returns table (starts time, ends time)
language sql immutable as $$
  values ('09:00'::time, '12:00'::time), ('13:00'::time, '18:00'::time)
$$;

-- The instant p_minutes working minutes after p_from. Counting starts at the
-- next working instant, so a case reported at night or on a holiday starts
-- its clock when work starts; a count that ends exactly at the end of a
-- period ends there (Friday 17:55 + 5 = Friday 18:00), not at the start of
-- the next one. Zero minutes is p_from itself.
create function public.add_working_minutes(p_from timestamptz, p_minutes int) returns timestamptz
language plpgsql stable set search_path = public, extensions as $$
declare
  local_from timestamp := p_from at time zone 'Asia/Shanghai';
  work_day date := local_from::date;
  clock time := local_from::time;
  remaining interval := make_interval(mins => p_minutes);
  slot record;
  start_at time;
begin
  if p_from is null or not isfinite(p_from) then
    raise exception 'working minutes need a finite start time (got %)', coalesce(p_from::text, 'null')
      using errcode = '22023';
  end if;
  if p_minutes is null or p_minutes not between 0 and 525600 then
    raise exception 'working minutes must be 0 to 525600 (got %)', coalesce(p_minutes::text, 'null')
      using errcode = '22023';
  end if;
  if p_minutes = 0 then
    return p_from;
  end if;
  -- 525,600 working minutes are 1,095 working days: well inside ten years.
  for i in 1 .. 3660 loop
    if public.is_working_day(work_day) then
      for slot in select * from public.working_periods() loop
        start_at := greatest(slot.starts, clock);
        continue when start_at >= slot.ends;
        if remaining <= slot.ends - start_at then
          return (work_day + start_at + remaining) at time zone 'Asia/Shanghai';
        end if;
        remaining := remaining - (slot.ends - start_at);
      end loop;
    end if;
    work_day := work_day + 1;
    clock := '00:00';
  end loop;
  raise exception 'no working time found within ten years after %', p_from using errcode = '22023';
end $$;

-- Whole working minutes from p_from to p_to; negative when p_to is earlier
-- (a stage overdue by 30 working minutes has -30 left).
create function public.working_minutes_between(p_from timestamptz, p_to timestamptz) returns int
language plpgsql stable set search_path = public, extensions as $$
declare
  local_from timestamp;
  local_to timestamp;
  seconds float8;
begin
  if p_from is null or p_to is null or not isfinite(p_from) or not isfinite(p_to) then
    raise exception 'working minutes need two finite times (got % and %)',
      coalesce(p_from::text, 'null'), coalesce(p_to::text, 'null') using errcode = '22023';
  end if;
  if p_to < p_from then
    return -public.working_minutes_between(p_to, p_from);
  end if;
  if p_to - p_from > interval '3660 days' then
    raise exception 'working minutes are counted over at most ten years (got % to %)', p_from, p_to
      using errcode = '22023';
  end if;
  local_from := p_from at time zone 'Asia/Shanghai';
  local_to := p_to at time zone 'Asia/Shanghai';
  select coalesce(sum(extract(epoch from least(d::date + w.ends, local_to) - greatest(d::date + w.starts, local_from))), 0)
    into seconds
  from generate_series(local_from::date, local_to::date, interval '1 day') d
  cross join public.working_periods() w
  where public.is_working_day(d::date)
    and least(d::date + w.ends, local_to) > greatest(d::date + w.starts, local_from);
  return floor(seconds / 60)::int;
end $$;

revoke execute on function public.is_working_day(date), public.working_periods(),
  public.add_working_minutes(timestamptz, int), public.working_minutes_between(timestamptz, timestamptz)
  from public, anon, authenticated;
grant execute on function public.is_working_day(date), public.working_periods(),
  public.add_working_minutes(timestamptz, int), public.working_minutes_between(timestamptz, timestamptz)
  to anon, authenticated, service_role;
