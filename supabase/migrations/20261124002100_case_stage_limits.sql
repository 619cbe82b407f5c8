set search_path = public, extensions;

-- Time limits per workflow stage (GB/T 30428: report → register → dispatch →
-- handle → verify → close), in working minutes on the working calendar:
--   register  the case waits in `reported` to be registered (立案)
--   dispatch  it waits in `registered` to be dispatched (派遣)
--   handle    from dispatch until handled: `dispatched` and `handling` (处置)
--   verify    it waits in `handled` for verification (核查结案)
-- The overall due time (cases.due_at, calendar hours from sla_hours) keeps
-- its meaning; these limits are the finer clock of each stage.
create table public.case_stage_limits (
  category_code text not null references public.case_categories (code) on delete cascade on update cascade,
  stage text not null check (stage in ('register', 'dispatch', 'handle', 'verify')),
  minutes int not null check (minutes between 1 and 129600),
  primary key (category_code, stage)
);

alter table public.case_stage_limits enable row level security;
revoke all on public.case_stage_limits from anon, authenticated;
grant select on public.case_stage_limits to anon, authenticated;
grant insert, update, delete on public.case_stage_limits to authenticated;
grant all on public.case_stage_limits to service_role;
create policy case_stage_limits_read on public.case_stage_limits for select to anon, authenticated using (true);
create policy case_stage_limits_admin_write on public.case_stage_limits for all to authenticated
  using (public.app_role() = 'admin') with check (public.app_role() = 'admin');

-- The stage a status belongs to; none once a case is closed or rejected.
create function public.case_stage(p_status public.case_status) returns text
language sql immutable as $$
  select case p_status
    when 'reported' then 'register'
    when 'registered' then 'dispatch'
    when 'dispatched' then 'handle'
    when 'handling' then 'handle'
    when 'handled' then 'verify'
  end
$$;

-- Citygrid's default limits, which admins tune per category: 30 working
-- minutes to register and to dispatch, the category's SLA (read as working
-- time) to handle, one working hour to verify.
create function public.default_stage_minutes(p_stage text, p_sla_hours float8) returns int
language sql immutable as $$
  select case p_stage
    when 'register' then 30
    when 'dispatch' then 30
    when 'handle' then least(greatest(round(p_sla_hours * 60), 30), 129600)::int
    when 'verify' then 60
  end
$$;

insert into public.case_stage_limits (category_code, stage, minutes)
select c.code, s.stage, public.default_stage_minutes(s.stage, c.sla_hours)
from public.case_categories c
cross join (values ('register'), ('dispatch'), ('handle'), ('verify')) s(stage);

-- Every new category starts with the default limits.
create function public.add_default_stage_limits() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
begin
  insert into public.case_stage_limits (category_code, stage, minutes)
  select new.code, s.stage, public.default_stage_minutes(s.stage, new.sla_hours)
  from (values ('register'), ('dispatch'), ('handle'), ('verify')) s(stage)
  on conflict do nothing;
  return null;
end $$;

create trigger case_categories_default_stage_limits after insert on public.case_categories
  for each row execute function public.add_default_stage_limits();

-- When the stage that p_status belongs to, entered at p_since, is due.
create function public.stage_due_at_for(p_category_code text, p_status public.case_status, p_since timestamptz)
returns timestamptz
language sql stable set search_path = public, extensions as $$
  select public.add_working_minutes(p_since, coalesce(
    (select l.minutes from public.case_stage_limits l
     where l.category_code = p_category_code and l.stage = public.case_stage(p_status)),
    (select public.default_stage_minutes(public.case_stage(p_status), c.sla_hours)
     from public.case_categories c where c.code = p_category_code)))
  where public.case_stage(p_status) is not null
$$;

alter table public.cases add column stage_due_at timestamptz;

-- The stage clock restarts when a case enters another stage (dispatched →
-- handling stays in `handle`). A case written with a status, as a bulk load
-- does, is counted from its report: when it entered its stage is unknown.
create function public.set_stage_due() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
begin
  if tg_op = 'INSERT' then
    new.stage_due_at := public.stage_due_at_for(new.category_code, new.status, new.reported_at);
  elsif public.case_stage(new.status) is distinct from public.case_stage(old.status) then
    new.stage_due_at := public.stage_due_at_for(new.category_code, new.status, now());
  end if;
  return new;
end $$;

create trigger cases_stage_due before insert or update of status on public.cases
  for each row execute function public.set_stage_due();

-- Cases already stored, counted from their report. Triggers are off so that
-- the backfill neither touches updated_at nor sends one change per row.
set session_replication_role = replica;
update public.cases c set stage_due_at = public.stage_due_at_for(c.category_code, c.status, c.reported_at)
where public.case_stage(c.status) is not null;
reset session_replication_role;

grant select (stage_due_at) on public.cases to anon, authenticated;

-- Open cases per stage and how many of them are past their stage's limit,
-- for one sub-district (by code) or, with null, the whole service area.
create function public.stage_overdue(p_subdistrict_code text default null)
returns table (stage text, open_cases int, overdue_cases int, max_overdue_working_minutes int)
language plpgsql stable set search_path = public, extensions as $$
declare
  area_id int;
begin
  if p_subdistrict_code is not null then
    select s.id into area_id from public.subdistricts s where s.code = p_subdistrict_code;
    if area_id is null then
      raise exception 'unknown sub-district %', quote_literal(p_subdistrict_code) using errcode = '22023';
    end if;
  end if;
  return query
    select s.stage, count(c.id)::int, count(c.id) filter (where c.stage_due_at < now())::int,
           -- The earliest due time is the most overdue: one calendar walk per stage.
           case when count(c.id) filter (where c.stage_due_at < now()) > 0
                then public.working_minutes_between(min(c.stage_due_at) filter (where c.stage_due_at < now()), now())
                else 0 end
    from (values (1, 'register'), (2, 'dispatch'), (3, 'handle'), (4, 'verify')) s(n, stage)
    left join public.cases c on public.case_stage(c.status) = s.stage
      and (area_id is null or c.subdistrict_id = area_id)
      and c.stage_due_at is not null
    group by s.n, s.stage
    order by s.n;
end $$;

-- The demo clock moves stage due times along with every other timestamp.
create or replace function public.bring_demo_data_to_now() returns interval
language plpgsql set search_path = public, extensions as $$
declare
  shift interval := now() - (select max(observed_at) from public.parking_readings);
begin
  if shift is null or shift <= interval '0' then
    return interval '0';
  end if;
  set local session_replication_role = replica;
  update public.cases set reported_at = reported_at + shift, due_at = due_at + shift,
    closed_at = closed_at + shift, updated_at = updated_at + shift, stage_due_at = stage_due_at + shift;
  update public.case_events set created_at = created_at + shift;
  update public.parking_lots set updated_at = updated_at + shift;
  update public.volunteer_posts set updated_at = updated_at + shift;
  -- Delete and re-insert: shifting a primary-key column in place can collide midway.
  with moved as (delete from public.parking_readings returning *)
  insert into public.parking_readings (lot_id, observed_at, free_spaces)
  select lot_id, observed_at + shift, free_spaces from moved;
  return shift;
end $$;

revoke execute on function public.case_stage(public.case_status), public.default_stage_minutes(text, float8),
  public.add_default_stage_limits(), public.stage_due_at_for(text, public.case_status, timestamptz),
  public.set_stage_due(), public.stage_overdue(text)
  from public, anon, authenticated;
grant execute on function public.case_stage(public.case_status), public.default_stage_minutes(text, float8),
  public.stage_due_at_for(text, public.case_status, timestamptz), public.stage_overdue(text)
  to anon, authenticated, service_role;
