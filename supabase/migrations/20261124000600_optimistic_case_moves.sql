set search_path = public, extensions;

-- Move a case from the status the caller saw. If someone moved it since, or
-- the caller repeats a move already made, the move is refused naming the
-- current status and who made the last move. RLS limits inspectors to their
-- grids and the transition trigger refuses illegal moves.
drop function public.transition_case(int, text, text);
create function public.transition_case(p_case_id int, p_from_status text, p_to_status text, p_note text default null)
returns table (id int, case_no text, status text, updated_at timestamptz)
language plpgsql security invoker set search_path = public, extensions as $$
declare
  statuses text[] := enum_range(null::public.case_status)::text[];
  current_row record;
  last_move record;
begin
  if p_from_status is null or not p_from_status = any(statuses) then
    raise exception 'unknown case status %', coalesce(quote_literal(p_from_status), 'null') using errcode = '22023';
  end if;
  if p_to_status is null or not p_to_status = any(statuses) then
    raise exception 'unknown case status %', coalesce(quote_literal(p_to_status), 'null') using errcode = '22023';
  end if;
  if p_from_status = p_to_status then
    raise exception 'a move must change the status (got % to %)', p_from_status, p_to_status using errcode = '22023';
  end if;
  if length(p_note) > 1000 then
    raise exception 'note is limited to 1000 characters (got %)', length(p_note) using errcode = '22023';
  end if;
  perform set_config('citygrid.transition_note', coalesce(p_note, ''), true);
  return query
    update public.cases c set status = p_to_status::public.case_status
    where c.id = p_case_id and c.status = p_from_status::public.case_status
    returning c.id, c.case_no, c.status::text, c.updated_at;
  if found then
    return;
  end if;

  select c.case_no, c.status::text as status into current_row from public.cases c where c.id = p_case_id;
  if current_row is null then
    raise exception 'case % not found', p_case_id using errcode = 'P0002';
  end if;
  if current_row.status = p_from_status then
    raise exception 'case % not found among the cases you may work', current_row.case_no using errcode = '42501';
  end if;
  select e.actor_role, e.created_at into last_move
    from public.case_events e where e.case_id = p_case_id order by e.id desc limit 1;
  raise exception 'case % is % (last moved by % at %), not % as you saw; reload it before acting',
    current_row.case_no, current_row.status, coalesce(last_move.actor_role, 'unknown'),
    to_char(last_move.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'), p_from_status
    using errcode = 'PT409', detail = 'current_status=' || current_row.status;
end $$;

