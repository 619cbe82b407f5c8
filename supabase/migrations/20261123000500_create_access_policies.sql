set search_path = public, extensions;

create function public.is_staff() returns boolean
language sql stable set search_path = public, extensions as $$
  select public.app_role() in ('inspector', 'commander', 'admin', 'service')
$$;

-- Commanders and admins work every grid; an inspector works the grids assigned
-- to them and everything inside those.
create function public.can_work_grid(p_grid_id int) returns boolean
language sql stable security definer set search_path = public, extensions as $$
  select case public.app_role()
    when 'commander' then true
    when 'admin' then true
    when 'service' then true
    when 'inspector' then exists (
      select 1
      from public.grids g
      left join public.grids p on p.id = g.parent_id
      left join public.grids pp on pp.id = p.parent_id
      join public.inspector_grids ig on ig.grid_id in (g.id, p.id, pp.id)
      where g.id = p_grid_id and ig.user_id = auth.uid())
    else false
  end
$$;

-- Start from nothing: Supabase grants broad default privileges on public.
revoke all on all tables in schema public from anon, authenticated;
revoke all on all sequences in schema public from anon, authenticated;

alter table public.subdistricts enable row level security;
alter table public.grids enable row level security;
alter table public.inspector_grids enable row level security;
alter table public.case_categories enable row level security;
alter table public.case_transitions enable row level security;
alter table public.cases enable row level security;
alter table public.case_reporters enable row level security;
alter table public.case_events enable row level security;
alter table public.fire_stations enable row level security;
alter table public.parking_lots enable row level security;
alter table public.parking_readings enable row level security;
alter table public.volunteer_posts enable row level security;

-- Public layers: everyone reads, admins write.
do $$
declare
  t text;
begin
  foreach t in array array['subdistricts', 'grids', 'case_categories', 'case_transitions',
                           'fire_stations', 'parking_lots', 'parking_readings', 'volunteer_posts']
  loop
    execute format('grant select on public.%I to anon, authenticated', t);
    execute format('grant insert, update, delete on public.%I to authenticated', t);
    execute format('create policy %I on public.%I for select to anon, authenticated using (true)',
                   t || '_read', t);
    execute format($p$create policy %I on public.%I for all to authenticated
                      using (public.app_role() = 'admin') with check (public.app_role() = 'admin')$p$,
                   t || '_admin_write', t);
  end loop;
end $$;

-- Commanders also keep volunteer posts' duty counts current.
create policy volunteer_posts_commander_update on public.volunteer_posts for update to authenticated
  using (public.app_role() = 'commander') with check (public.app_role() = 'commander');

grant select, insert, delete on public.inspector_grids to authenticated;
create policy inspector_grids_read on public.inspector_grids for select to authenticated
  using (user_id = auth.uid() or public.app_role() in ('commander', 'admin'));
create policy inspector_grids_admin on public.inspector_grids for all to authenticated
  using (public.app_role() = 'admin') with check (public.app_role() = 'admin');

-- Cases: readable by all; created only through report_case(); staff move them
-- along legal transitions (guarded by trigger) in the grids they work.
grant select on public.cases to anon, authenticated;
grant update (status) on public.cases to authenticated;
create policy cases_read on public.cases for select to anon, authenticated using (true);
create policy cases_work on public.cases for update to authenticated
  using (public.can_work_grid(grid_id) or public.app_role() in ('commander', 'admin'))
  with check (public.can_work_grid(grid_id) or public.app_role() in ('commander', 'admin'));

grant select on public.case_reporters to authenticated;
create policy case_reporters_staff on public.case_reporters for select to authenticated
  using (public.is_staff());

grant select on public.case_events to authenticated;
create policy case_events_staff on public.case_events for select to authenticated
  using (public.is_staff());

grant all on all tables in schema public to service_role;
grant all on all sequences in schema public to service_role;
