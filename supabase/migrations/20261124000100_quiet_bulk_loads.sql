set search_path = public, extensions;

-- Change events carry the row's id as `row_id` (Realtime Broadcast reads a
-- payload `id` as its own message id). A session that sets
-- citygrid.bulk_load = 'on' (the seed, data migrations, bulk imports) emits
-- nothing: listeners reload after a bulk load instead of receiving one
-- message per row.
create or replace function public.emit_change() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
declare
  payload jsonb;
begin
  if current_setting('citygrid.bulk_load', true) = 'on' then
    return null;
  end if;
  payload := jsonb_build_object('table', tg_table_name, 'op', tg_op,
    'row_id', case when tg_op = 'DELETE' then old.id else new.id end, 'at', now());
  perform pg_notify('citygrid_changes', payload::text);
  if to_regprocedure('realtime.send(jsonb, text, text, boolean)') is not null then
    execute 'select realtime.send($1, $2, $3, false)' using payload, 'change', 'citygrid:changes';
  end if;
  return null;
end $$;

