set search_path = public, extensions;

-- add_working_minutes() as before, with the calendar read once a call: the
-- working periods and the holidays ahead go into arrays in one query, and
-- whole working days are stepped over at once, instead of one holidays query
-- and one working_periods() scan for every day counted (a stage of nine
-- working days cost two dozen queries).
create or replace function public.add_working_minutes(p_from timestamptz, p_minutes int) returns timestamptz
language plpgsql stable set search_path = public, extensions as $$
declare
  local_from timestamp := p_from at time zone 'Asia/Shanghai';
  work_day date := local_from::date;
  clock time := local_from::time;
  remaining interval := make_interval(mins => p_minutes);
  period_starts time[];
  period_ends time[];
  periods int;
  day_length interval;
  days_off date[];
  make_up_days date[];
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
  select w.starts, w.ends, w.day_length, h.days_off, h.make_up_days
    into period_starts, period_ends, day_length, days_off, make_up_days
    from (select array_agg(p.starts order by p.n) as starts, array_agg(p.ends order by p.n) as ends,
                 sum(p.ends - p.starts) as day_length
          from public.working_periods() with ordinality p(starts, ends, n)) w,
         (select coalesce(array_agg(d.day) filter (where not d.is_workday), '{}') as days_off,
                 coalesce(array_agg(d.day) filter (where d.is_workday), '{}') as make_up_days
          from public.holidays d where d.day >= work_day and d.day < work_day + 3660) h;
  periods := coalesce(array_length(period_starts, 1), 0);
  -- 525,600 working minutes are 1,095 working days: well inside ten years.
  for i in 1 .. 3660 loop
    -- is_working_day(), on the arrays.
    if work_day = any(make_up_days) or (extract(isodow from work_day) < 6 and not work_day = any(days_off)) then
      if clock = '00:00' and remaining > day_length then
        remaining := remaining - day_length;
      else
        for k in 1 .. periods loop
          start_at := greatest(period_starts[k], clock);
          continue when start_at >= period_ends[k];
          if remaining <= period_ends[k] - start_at then
            return (work_day + start_at + remaining) at time zone 'Asia/Shanghai';
          end if;
          remaining := remaining - (period_ends[k] - start_at);
        end loop;
      end if;
    end if;
    work_day := work_day + 1;
    clock := '00:00';
  end loop;
  raise exception 'no working time found within ten years after %', p_from using errcode = '22023';
end $$;

-- The same due time as before, as PL/pgSQL with the stage's limit read in
-- one query: a SQL function with its own search_path is never inlined, and
-- each call paid for planning its body again.
create or replace function public.stage_due_at_for(p_category_code text, p_status public.case_status, p_since timestamptz)
returns timestamptz
language plpgsql stable set search_path = public, extensions as $$
declare
  stage_name text := public.case_stage(p_status);
begin
  if stage_name is null then
    return null;
  end if;
  return public.add_working_minutes(p_since,
    (select coalesce(l.minutes, public.default_stage_minutes(stage_name, c.sla_hours))
     from public.case_categories c
     left join public.case_stage_limits l on l.category_code = c.code and l.stage = stage_name
     where c.code = p_category_code));
end $$;
