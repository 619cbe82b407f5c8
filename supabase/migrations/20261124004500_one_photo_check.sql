-- One check for a photo and the type it is declared as, used by staff and
-- residents alike.

-- The photo's bytes, when it is a JPEG, PNG or WebP image of at most 1 MB
-- and is what p_mime says it is; otherwise an error saying what is wrong.
create function public.photo_bytes_as(p_mime text, p_data_base64 text) returns bytea
language plpgsql immutable set search_path = public, extensions as $$
declare
  bytes bytea;
begin
  if p_mime is null or p_mime not in ('image/jpeg', 'image/png', 'image/webp') then
    raise exception 'photo type % is not accepted: image/jpeg, image/png or image/webp', coalesce(quote_literal(p_mime), 'null')
      using errcode = '22023';
  end if;
  bytes := public.photo_bytes(p_data_base64);
  if public.image_mime(bytes) <> p_mime then
    raise exception 'photo is declared % but is %', p_mime, public.image_mime(bytes) using errcode = '22023';
  end if;
  return bytes;
end $$;

revoke execute on function public.photo_bytes_as(text, text) from public, anon, authenticated;
grant execute on function public.photo_bytes_as(text, text) to service_role;

create or replace function public.attach_case_photo(p_case_id int, p_mime text, p_data_base64 text)
returns table (id bigint, case_id int, status text, mime text, byte_size int, created_at timestamptz)
language plpgsql security definer set search_path = public, extensions as $$
declare
  target public.cases;
  bytes bytea;
begin
  if not public.is_staff() then
    raise exception 'role % may not attach photos to cases', public.app_role() using errcode = '42501';
  end if;
  select * into target from public.cases c where c.id = p_case_id;
  if target.id is null then
    raise exception 'case % not found', coalesce(p_case_id::text, 'null') using errcode = 'P0002';
  end if;
  if not public.can_work_grid(target.grid_id) then
    raise exception 'case % is not among the cases you may work', target.case_no using errcode = '42501';
  end if;
  if not public.is_open(target.status) then
    raise exception 'case % is %: photos are attached while a case is open', target.case_no, target.status
      using errcode = '55000';
  end if;
  bytes := public.photo_bytes_as(p_mime, p_data_base64);
  return query
    insert into public.case_photos as p (case_id, status, mime, bytes, created_by, created_by_role)
    values (target.id, target.status, p_mime, bytes, auth.uid(), public.app_role())
    returning p.id, p.case_id, p.status::text, p.mime, p.byte_size, p.created_at;
end $$;

create or replace function public.attach_report_photo(p_tracking_code text, p_mime text, p_data_base64 text)
returns table (id bigint, byte_size int)
language plpgsql security definer set search_path = public, extensions as $$
declare
  target public.cases := public.report_photo_case(p_tracking_code);
  bytes bytea := public.photo_bytes_as(p_mime, p_data_base64);
begin
  return query
    insert into public.case_photos as p (case_id, status, mime, bytes, created_by, created_by_role)
    values (target.id, target.status, p_mime, bytes, auth.uid(), case when public.app_role() = 'resident' then 'resident' else 'public' end)
    returning p.id, p.byte_size;
end $$;
