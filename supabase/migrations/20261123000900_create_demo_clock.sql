set search_path = public, extensions;

-- The embedded database starts from a snapshot built earlier; its demo data
-- (readings, cases, shifts) was written relative to the build time. This moves
-- every timestamp forward by the time since the newest parking reading, so a
-- fresh snapshot looks as it did when it was built: parking numbers minutes
-- old, cases reported today still today. Triggers are off while it runs (the
-- event log is otherwise append-only), so only the embedded loader calls it.
create function public.bring_demo_data_to_now() returns interval
language plpgsql set search_path = public, extensions as $$
declare
  shift interval := now() - (select max(observed_at) from public.parking_readings);
begin
  if shift is null or shift <= interval '0' then
    return interval '0';
  end if;
  set local session_replication_role = replica;
  update public.cases set reported_at = reported_at + shift, due_at = due_at + shift,
    closed_at = closed_at + shift, updated_at = updated_at + shift;
  update public.case_events set created_at = created_at + shift;
  update public.parking_lots set updated_at = updated_at + shift;
  update public.volunteer_posts set updated_at = updated_at + shift;
  -- Delete and re-insert: shifting a primary-key column in place can collide midway.
  with moved as (delete from public.parking_readings returning *)
  insert into public.parking_readings (lot_id, observed_at, free_spaces)
  select lot_id, observed_at + shift, free_spaces from moved;
  return shift;
end $$;

revoke execute on function public.bring_demo_data_to_now() from public, anon, authenticated;
