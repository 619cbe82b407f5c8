set search_path = public, extensions;

-- Supabase Realtime reads this publication; created here where it is missing.
do $$
begin
  if not exists (select from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end $$;

alter publication supabase_realtime add table
  public.grids, public.cases, public.fire_stations, public.parking_lots, public.volunteer_posts;

-- One compact event per row change, the same on every backend:
--   {"table": "cases", "op": "UPDATE", "id": 42, "at": "2026-11-23T10:00:00+00:00"}
-- Listeners fetch the row itself through the read functions, so RLS applies
-- and nothing private travels in the event. On Supabase the event is also
-- broadcast on the public Realtime topic `citygrid:changes`.
create function public.emit_change() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
declare
  row_id int := case when tg_op = 'DELETE' then old.id else new.id end;
  payload jsonb := jsonb_build_object('table', tg_table_name, 'op', tg_op, 'id', row_id, 'at', now());
begin
  perform pg_notify('citygrid_changes', payload::text);
  if to_regprocedure('realtime.send(jsonb, text, text, boolean)') is not null then
    execute 'select realtime.send($1, $2, $3, false)' using payload, 'change', 'citygrid:changes';
  end if;
  return null;
end $$;

do $$
declare
  t text;
begin
  foreach t in array array['grids', 'cases', 'fire_stations', 'parking_lots', 'volunteer_posts']
  loop
    execute format('create trigger %I after insert or update or delete on public.%I
                    for each row execute function public.emit_change()', t || '_emit_change', t);
  end loop;
end $$;
