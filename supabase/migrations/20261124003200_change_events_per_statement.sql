set search_path = public, extensions;

-- One change event per statement instead of one per row: a feed that moves
-- 500 cases in one UPDATE sends one notification (and, on Supabase, one
-- Realtime message) instead of 500. A statement that changed one row sends
--   {"table": "cases", "op": "UPDATE", "row_id": 42, "at": "…"}
-- as before; one that changed several sends their ids, 500 an event at most
-- (pg_notify carries under 8,000 bytes):
--   {"table": "cases", "op": "UPDATE", "row_ids": [42, 43, 97], "at": "…"}
-- Bulk loads stay quiet (citygrid.bulk_load = 'on').
create or replace function public.emit_change() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
declare
  broadcast boolean := to_regprocedure('realtime.send(jsonb, text, text, boolean)') is not null;
  payload jsonb;
begin
  if current_setting('citygrid.bulk_load', true) = 'on' then
    return null;
  end if;
  for payload in
    select case when count(*) = 1
             then jsonb_build_object('table', tg_table_name, 'op', tg_op, 'row_id', min(c.id), 'at', now())
             else jsonb_build_object('table', tg_table_name, 'op', tg_op, 'row_ids', jsonb_agg(c.id order by c.id), 'at', now())
           end
    from (select r.id, (row_number() over (order by r.id) - 1) / 500 as chunk from changed_rows r) c
    group by c.chunk
    order by c.chunk
  loop
    perform pg_notify('citygrid_changes', payload::text);
    if broadcast then
      execute 'select realtime.send($1, $2, $3, false)' using payload, 'change', 'citygrid:changes';
    end if;
  end loop;
  return null;
end $$;

-- Every table that emitted per row now emits per statement. A transition
-- table serves one event kind, hence three triggers a table.
do $$
declare
  t record;
begin
  for t in
    select g.tgname, c.relname from pg_trigger g join pg_class c on c.oid = g.tgrelid
    where g.tgfoid = 'public.emit_change()'::regprocedure and not g.tgisinternal
      and g.tgtype & 1 = 1 -- per row
  loop
    execute format('drop trigger %I on public.%I', t.tgname, t.relname);
    execute format('create trigger %I after insert on public.%I referencing new table as changed_rows
                    for each statement execute function public.emit_change()', t.relname || '_emit_insert', t.relname);
    execute format('create trigger %I after update on public.%I referencing new table as changed_rows
                    for each statement execute function public.emit_change()', t.relname || '_emit_update', t.relname);
    execute format('create trigger %I after delete on public.%I referencing old table as changed_rows
                    for each statement execute function public.emit_change()', t.relname || '_emit_delete', t.relname);
  end loop;
end $$;
