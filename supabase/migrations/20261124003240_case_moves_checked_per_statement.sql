set search_path = public, extensions;

-- Moves are checked once per statement, after the rows are written and
-- before the statement ends: the caller's role and the note are read once,
-- the legal transitions and the categories joined once, and only the moves
-- that break a rule are looked at, in case id order, each refused exactly as
-- before (illegal, then role, then note, then photo). A refused move still
-- rolls back the whole statement. A feed moving 500 cases paid a role
-- lookup, a transition lookup and a note check for each.
create or replace function public.guard_case_transition() returns trigger
language plpgsql set search_path = public, extensions as $$
declare
  caller text := public.mover_role();
  has_note boolean := public.clean_text(current_setting('citygrid.transition_note', true)) is not null;
  move record;
begin
  for move in
    select o.id, o.case_no, o.status as from_status, n.status as to_status,
           t.from_status is not null as legal, t.roles, t.needs_note, t.needs_photo and k.needs_photo as needs_photo
    from new_cases n
    join old_cases o on o.id = n.id
    left join public.case_transitions t on t.from_status = o.status and t.to_status = n.status
    left join public.case_categories k on k.code = o.category_code
    where n.status is distinct from o.status
      and (t.from_status is null or not caller = any(t.roles) or (t.needs_note and not has_note)
           or (t.needs_photo and k.needs_photo))
    order by o.id
  loop
    if not move.legal then
      raise exception 'illegal case transition % → % (case %)', move.from_status, move.to_status, move.case_no
        using errcode = '23514', hint = 'see table case_transitions for the legal moves';
    end if;
    if not caller = any(move.roles) then
      raise exception 'role % may not move case % from % to %', caller, move.case_no, move.from_status, move.to_status
        using errcode = '42501';
    end if;
    if move.needs_note and not has_note then
      raise exception 'moving case % from % to % needs a note', move.case_no, move.from_status, move.to_status
        using errcode = '22023';
    end if;
    if move.needs_photo and not public.has_photo_since_entering(move.id, move.from_status) then
      raise exception 'case % needs a photo attached while % before it can be %', move.case_no, move.from_status, move.to_status
        using errcode = '55000', hint = 'attach one with attach_case_photo()';
    end if;
  end loop;
  return null;
end $$;

-- What the row itself needs from a move: its closing time.
create function public.set_closed_at() returns trigger
language plpgsql set search_path = public, extensions as $$
begin
  if new.status is distinct from old.status then
    new.closed_at := case when new.status = 'closed' then now() end;
  end if;
  return new;
end $$;

drop trigger cases_guard_transition on public.cases;
create trigger cases_closed_at before update of status on public.cases
  for each row execute function public.set_closed_at();
create trigger cases_guard_transition after update on public.cases
  referencing old table as old_cases new table as new_cases
  for each statement execute function public.guard_case_transition();

revoke execute on function public.set_closed_at() from public, anon, authenticated;
