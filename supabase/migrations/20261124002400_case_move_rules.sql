set search_path = public, extensions;

-- What a move asks for besides the right role: a note (why a case is handled,
-- sent back, rejected or reopened) and, where the case's category needs one,
-- a photo attached while the case had its current status.
alter table public.case_transitions
  add column needs_note boolean not null default false,
  add column needs_photo boolean not null default false;

update public.case_transitions set needs_note = true
where (from_status, to_status) in (('reported', 'rejected'), ('handling', 'handled'), ('handled', 'handling'),
                                   ('closed', 'registered'), ('rejected', 'registered'));
update public.case_transitions set needs_photo = true where from_status = 'handling' and to_status = 'handled';

-- The reporter answers through resident_verdict(): fixed closes a handled
-- case, not fixed sends it back, or reopens one closed in the last 7 days.
update public.case_transitions set roles = roles || '{reporter}'
where (from_status, to_status) in (('handled', 'closed'), ('handled', 'handling'));
insert into public.case_transitions (from_status, to_status, roles, needs_note)
values ('closed', 'handling', '{reporter}', true);

-- The role a status change is made as: the caller's application role, or
-- `reporter` when resident_verdict() acts for the public. Only code running
-- as the owner (security definer) can be that, and only resident_verdict()
-- sets the flag, so no API call can claim it.
create function public.mover_role() returns text
language sql stable set search_path = public, extensions as $$
  select case
    when public.app_role() in ('public', 'resident')
         and current_setting('citygrid.reporter_verdict', true) = 'on'
         and current_user not in ('anon', 'authenticated', 'service_role')
      then 'reporter'
    else public.app_role()
  end
$$;

create or replace function public.guard_case_transition() returns trigger
language plpgsql set search_path = public, extensions as $$
declare
  caller text := public.mover_role();
  rule public.case_transitions;
begin
  if new.status is not distinct from old.status then
    return new;
  end if;
  select * into rule from public.case_transitions t
    where t.from_status = old.status and t.to_status = new.status;
  if rule.from_status is null then
    raise exception 'illegal case transition % → % (case %)', old.status, new.status, old.case_no
      using errcode = '23514', hint = 'see table case_transitions for the legal moves';
  end if;
  if not caller = any(rule.roles) then
    raise exception 'role % may not move case % from % to %', caller, old.case_no, old.status, new.status
      using errcode = '42501';
  end if;
  if rule.needs_note and public.clean_text(current_setting('citygrid.transition_note', true)) is null then
    raise exception 'moving case % from % to % needs a note', old.case_no, old.status, new.status
      using errcode = '22023';
  end if;
  if rule.needs_photo
     and (select c.needs_photo from public.case_categories c where c.code = old.category_code)
     and not public.has_photo_since_entering(old.id, old.status) then
    raise exception 'case % needs a photo attached while % before it can be %', old.case_no, old.status, new.status
      using errcode = '55000', hint = 'attach one with attach_case_photo()';
  end if;
  new.closed_at := case when new.status = 'closed' then now() end;
  return new;
end $$;

create or replace function public.log_case_event() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    insert into public.case_events (case_id, actor_id, actor_role, from_status, to_status, note)
    values (new.id, auth.uid(), public.mover_role(),
            case when tg_op = 'UPDATE' then old.status end, new.status,
            nullif(current_setting('citygrid.transition_note', true), ''));
  end if;
  return null;
end $$;

-- Exactly the moves the caller may make on the case now, decided as
-- transition_case() decides them: the legal transitions from its status for
-- the caller's role, in the grids the caller works. needs_photo is true
-- while the photo the move asks for is still missing.
create function public.allowed_moves(p_case_id int)
returns table (to_status text, needs_note boolean, needs_photo boolean)
language plpgsql stable security definer set search_path = public, extensions as $$
declare
  target public.cases;
begin
  select * into target from public.cases c where c.id = p_case_id;
  if target.id is null then
    raise exception 'case % not found', coalesce(p_case_id::text, 'null') using errcode = 'P0002';
  end if;
  if not public.is_staff() or not public.can_work_grid(target.grid_id) then
    return;
  end if;
  return query
    select t.to_status::text, t.needs_note,
           t.needs_photo and k.needs_photo and not public.has_photo_since_entering(target.id, target.status)
    from public.case_transitions t
    join public.case_categories k on k.code = target.category_code
    where t.from_status = target.status and public.app_role() = any(t.roles)
    order by t.to_status;
end $$;

revoke execute on function public.mover_role(), public.allowed_moves(int) from public, anon, authenticated;
grant execute on function public.mover_role() to anon, authenticated, service_role;
grant execute on function public.allowed_moves(int) to anon, authenticated, service_role;
