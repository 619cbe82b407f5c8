set search_path = public, extensions;

-- Text is cleaned when it is written: the cleaning triggers fire on inserts
-- and on updates that set one of their columns, not on every update (a case
-- moving to another status, a parking lot's free spaces) where the stored
-- text was cleaned when it was written. The columns are read from the row as
-- JSON, once, instead of one dynamic statement a column.
create or replace function public.clean_text_columns() returns trigger
language plpgsql set search_path = public, extensions as $$
declare
  fields jsonb := to_jsonb(new);
  arg text;
  col text;
  raw text;
  cleaned text;
begin
  foreach arg in array tg_argv loop
    col := rtrim(arg, '?');
    raw := fields ->> col;
    continue when raw is null;
    cleaned := public.clean_text(raw);
    if cleaned is null and arg not like '%?' then
      raise exception '% %: % is blank (only spaces or invisible characters)', tg_table_name,
        public.row_label(tg_relid, new), col using errcode = '22023';
    end if;
    if cleaned is distinct from raw then
      new := jsonb_populate_record(new, jsonb_build_object(col, cleaned));
    end if;
  end loop;
  return new;
end $$;

do $$
declare
  t record;
  args text[];
begin
  for t in
    select g.tgname, c.relname, g.tgargs, g.tgnargs from pg_trigger g join pg_class c on c.oid = g.tgrelid
    where g.tgfoid = 'public.clean_text_columns()'::regprocedure and not g.tgisinternal
      and g.tgattr::text = '' -- not yet limited to its columns
  loop
    -- tgargs holds the arguments, each ended by a zero byte.
    args := (string_to_array(encode(t.tgargs, 'escape'), '\000'))[1:t.tgnargs];
    execute format('drop trigger %I on public.%I', t.tgname, t.relname);
    execute format('create trigger %I before insert or update of %s on public.%I
                    for each row execute function public.clean_text_columns(%s)',
                   t.tgname, (select string_agg(quote_ident(rtrim(a, '?')), ', ') from unnest(args) a),
                   t.relname, (select string_agg(quote_literal(a), ', ') from unnest(args) a));
  end loop;
end $$;
