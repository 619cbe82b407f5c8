set search_path = public, extensions;

-- Refuses an update by the application role named in the first trigger
-- argument that changes any column other than those named after it.
create function public.guard_column_rights() returns trigger
language plpgsql set search_path = public, extensions as $$
declare
  changed text;
begin
  if public.app_role() <> tg_argv[0] then
    return new;
  end if;
  select string_agg(n.key, ', ' order by n.key) into changed
  from jsonb_each(to_jsonb(new)) n
  join jsonb_each(to_jsonb(old)) o using (key)
  where n.value is distinct from o.value and not n.key = any(tg_argv[1:]);
  if changed is not null then
    raise exception 'role % may change only % of %; not %', tg_argv[0], array_to_string(tg_argv[1:], ', '),
      tg_table_name, changed using errcode = '42501';
  end if;
  return new;
end $$;

-- Commanders keep duty counts current; names, places and shifts are the admins'.
create trigger volunteer_posts_commander_columns before update on public.volunteer_posts
  for each row execute function public.guard_column_rights('commander', 'on_duty', 'updated_at');
