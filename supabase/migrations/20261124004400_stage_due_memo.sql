set search_path = public, extensions;

-- A case moved into a new stage is due by the same time as every other case
-- of its category moved into that stage in the same transaction (the stage
-- starts at now(), fixed for the transaction). A statement moving 500 cases
-- counted the working calendar 500 times; now once per category and stage,
-- remembered in a transaction-local setting that ends with the transaction.
create function public.stage_due_from_now(p_category_code text, p_status public.case_status)
returns timestamptz
language plpgsql volatile set search_path = public, extensions as $$
declare
  memo jsonb := coalesce(nullif(current_setting('citygrid.stage_due_memo', true), ''), '{}')::jsonb;
  key text := p_category_code || '/' || p_status::text;
  due timestamptz;
begin
  if memo ? key then
    return (memo ->> key)::timestamptz;
  end if;
  due := public.stage_due_at_for(p_category_code, p_status, now());
  perform set_config('citygrid.stage_due_memo', jsonb_set(memo, array[key], to_jsonb(due))::text, true);
  return due;
end $$;

revoke execute on function public.stage_due_from_now(text, public.case_status) from public;

create or replace function public.set_stage_due() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
begin
  if tg_op = 'INSERT' then
    new.stage_due_at := public.stage_due_at_for(new.category_code, new.status, new.reported_at);
  elsif public.case_stage(new.status) is distinct from public.case_stage(old.status) then
    new.stage_due_at := public.stage_due_from_now(new.category_code, new.status);
  end if;
  return new;
end $$;
