set search_path = public, extensions;

-- The event log written once per statement: one INSERT … SELECT of every
-- case whose status the statement set or changed, with the caller, the role
-- it moved as and the note read once, instead of a trigger call, a role
-- lookup and an insert per row. The events are the same: one per new case
-- and one per status change, in case id order within a statement.
create or replace function public.log_case_event() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
declare
  actor uuid := auth.uid();
  mover text := public.mover_role();
  move_note text := nullif(current_setting('citygrid.transition_note', true), '');
begin
  if tg_op = 'INSERT' then
    insert into public.case_events (case_id, actor_id, actor_role, from_status, to_status, note)
    select n.id, actor, mover, null, n.status, move_note
    from new_cases n
    order by n.id;
  else
    insert into public.case_events (case_id, actor_id, actor_role, from_status, to_status, note)
    select n.id, actor, mover, o.status, n.status, move_note
    from new_cases n join old_cases o on o.id = n.id
    where n.status is distinct from o.status
    order by n.id;
  end if;
  return null;
end $$;

drop trigger cases_log_event on public.cases;
create trigger cases_log_insert after insert on public.cases referencing new table as new_cases
  for each statement execute function public.log_case_event();
create trigger cases_log_update after update on public.cases referencing old table as old_cases new table as new_cases
  for each statement execute function public.log_case_event();
