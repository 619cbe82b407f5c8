set search_path = public, extensions;

-- What reporters said about the work on their case, with their tracking
-- code as the only key: fixed (satisfied) or not fixed, and why.
create table public.case_verdicts (
  id bigint generated always as identity primary key,
  case_id int not null references public.cases (id) on delete cascade,
  fixed boolean not null,
  note text check (length(note) <= 1000),
  status_before public.case_status not null,
  status_after public.case_status not null,
  created_at timestamptz not null default now()
);
create index case_verdicts_case_idx on public.case_verdicts (case_id, created_at);

alter table public.case_verdicts enable row level security;
revoke all on public.case_verdicts from anon, authenticated;
grant select on public.case_verdicts to authenticated;
grant all on public.case_verdicts to service_role;
create policy case_verdicts_staff_read on public.case_verdicts for select to authenticated
  using (public.is_staff());
create trigger case_verdicts_clean_text before insert or update on public.case_verdicts
  for each row execute function public.clean_text_columns('note?');
create trigger case_verdicts_append_only before update or delete on public.case_verdicts
  for each row execute function public.forbid_change();

-- A reporter's answer once the work is done:
--   fixed,     case handled          → closed
--   fixed,     case closed           → satisfaction recorded, once per closing
--   not fixed, case handled          → back to handling, with the note
--   not fixed, closed ≤ 7 days ago   → reopened into handling, with the note
-- Anything else is refused, saying why; nothing is written then.
create function public.resident_verdict(p_tracking_code text, p_fixed boolean, p_note text default null)
returns table (case_no text, status text)
language plpgsql security definer set search_path = public, extensions as $$
declare
  target public.cases;
  note text := public.clean_text(p_note);
  next_status public.case_status;
begin
  if p_fixed is null then
    raise exception 'say whether the problem is fixed (p_fixed true or false)' using errcode = '22023';
  end if;
  if length(note) > 1000 then
    raise exception 'note is limited to 1000 characters (got %)', length(note) using errcode = '22023';
  end if;
  select * into target from public.cases c
    where c.tracking_code = upper(regexp_replace(coalesce(p_tracking_code, ''), '[\s-]', '', 'g'))
    for update;
  if target.id is null then
    raise exception 'no case has tracking code %', coalesce(quote_literal(p_tracking_code), 'null')
      using errcode = 'P0002';
  end if;

  if p_fixed and target.status = 'handled' then
    next_status := 'closed';
  elsif p_fixed and target.status = 'closed' then
    if exists (select 1 from public.case_verdicts v where v.case_id = target.id and v.created_at >= target.closed_at) then
      raise exception 'case %: your answer on this closing is already recorded', target.case_no using errcode = '55000';
    end if;
    next_status := 'closed';
  elsif not p_fixed and (target.status = 'handled'
                         or target.status = 'closed' and target.closed_at >= now() - interval '7 days') then
    if note is null then
      raise exception 'case %: say what is still wrong (a note is required)', target.case_no using errcode = '22023';
    end if;
    next_status := 'handling';
  elsif not p_fixed and target.status = 'closed' then
    raise exception 'case % was closed more than 7 days ago; please report the problem again', target.case_no
      using errcode = '55000';
  else
    raise exception 'case % is %: it can be judged once it is handled', target.case_no, target.status
      using errcode = '55000';
  end if;

  if next_status <> target.status then
    perform set_config('citygrid.reporter_verdict', 'on', true);
    perform set_config('citygrid.transition_note', coalesce(note, ''), true);
    update public.cases c set status = next_status where c.id = target.id;
    perform set_config('citygrid.reporter_verdict', '', true);
  end if;
  insert into public.case_verdicts (case_id, fixed, note, status_before, status_after)
  values (target.id, p_fixed, note, target.status, next_status);
  return query select target.case_no, next_status::text;
end $$;

revoke execute on function public.resident_verdict(text, boolean, text) from public, anon, authenticated;
grant execute on function public.resident_verdict(text, boolean, text) to anon, authenticated, service_role;
