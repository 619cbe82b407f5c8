set search_path = public, extensions;

-- Categories whose handling must be shown with a photo (the spot after the
-- work) before a case can be marked handled. Admins set the flag.
alter table public.case_categories add column needs_photo boolean not null default false;

-- Photos of a case, each stamped with the status the case had when it was
-- attached: staff attach them while working a case, camera alarms bring a
-- snapshot. `created_by_role` leaves room for residents' report photos.
create table public.case_photos (
  id bigint generated always as identity primary key,
  case_id int not null references public.cases (id) on delete cascade,
  status public.case_status not null,
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea not null,
  byte_size int generated always as (octet_length(bytes)) stored check (byte_size between 1 and 1048576),
  created_at timestamptz not null default now(),
  created_by uuid,
  created_by_role text not null check (created_by_role in ('public', 'resident', 'inspector', 'commander', 'admin', 'service'))
);
create index case_photos_case_idx on public.case_photos (case_id, created_at);

-- Staff see the photos of the cases they may work; nobody writes the table
-- directly (attach_case_photo() checks every photo).
alter table public.case_photos enable row level security;
revoke all on public.case_photos from anon, authenticated;
grant select on public.case_photos to authenticated;
grant all on public.case_photos to service_role;
create policy case_photos_staff_read on public.case_photos for select to authenticated
  using (public.is_staff() and exists (
    select 1 from public.cases c where c.id = case_photos.case_id and public.can_work_grid(c.grid_id)));

-- The image type of some bytes, by their signature; null when not an image
-- Citygrid accepts.
create function public.image_mime(p_bytes bytea) returns text
language sql immutable as $$
  select case
    when substring(p_bytes from 1 for 3) = '\xffd8ff'::bytea then 'image/jpeg'
    when substring(p_bytes from 1 for 8) = '\x89504e470d0a1a0a'::bytea then 'image/png'
    when substring(p_bytes from 1 for 4) = '\x52494646'::bytea and substring(p_bytes from 9 for 4) = '\x57454250'::bytea then 'image/webp'
  end
$$;

-- Base64 (optionally as a data: URL) to image bytes of at most 1 MB, or an
-- error that says what is wrong with it.
create function public.photo_bytes(p_data_base64 text) returns bytea
language plpgsql immutable set search_path = public, extensions as $$
declare
  payload text := regexp_replace(coalesce(p_data_base64, ''), '^data:image/[a-z]+;base64,', '');
  bytes bytea;
begin
  if length(payload) = 0 then
    raise exception 'photo is empty' using errcode = '22023';
  end if;
  if length(payload) > 1400000 then
    raise exception 'photo is larger than 1 MB (% base64 characters)', length(payload) using errcode = '22023';
  end if;
  begin
    bytes := decode(payload, 'base64');
  exception when others then
    raise exception 'photo is not valid base64' using errcode = '22023';
  end;
  if octet_length(bytes) > 1048576 then
    raise exception 'photo is larger than 1 MB (% bytes)', octet_length(bytes) using errcode = '22023';
  end if;
  if public.image_mime(bytes) is null then
    raise exception 'photo is not a JPEG, PNG or WebP image' using errcode = '22023';
  end if;
  return bytes;
end $$;

-- Attach a photo to a case the caller may work, while it is open.
create function public.attach_case_photo(p_case_id int, p_mime text, p_data_base64 text)
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
  if p_mime is null or p_mime not in ('image/jpeg', 'image/png', 'image/webp') then
    raise exception 'photo type % is not accepted: image/jpeg, image/png or image/webp', coalesce(quote_literal(p_mime), 'null')
      using errcode = '22023';
  end if;
  bytes := public.photo_bytes(p_data_base64);
  if public.image_mime(bytes) <> p_mime then
    raise exception 'photo is declared % but is %', p_mime, public.image_mime(bytes) using errcode = '22023';
  end if;
  return query
    insert into public.case_photos as p (case_id, status, mime, bytes, created_by, created_by_role)
    values (target.id, target.status, p_mime, bytes, auth.uid(), public.app_role())
    returning p.id, p.case_id, p.status::text, p.mime, p.byte_size, p.created_at;
end $$;

-- Whether a photo was attached to the case while it had p_status, since it
-- last entered that status (rework after a send-back needs a new photo).
create function public.has_photo_since_entering(p_case_id int, p_status public.case_status) returns boolean
language sql stable security definer set search_path = public, extensions as $$
  select exists (
    select 1 from public.case_photos p
    where p.case_id = p_case_id and p.status = p_status
      and p.created_at >= coalesce((select max(e.created_at) from public.case_events e
                                    where e.case_id = p_case_id and e.to_status = p_status), '-infinity'))
$$;

revoke execute on function public.image_mime(bytea), public.photo_bytes(text),
  public.attach_case_photo(int, text, text), public.has_photo_since_entering(int, public.case_status)
  from public, anon, authenticated;
grant execute on function public.attach_case_photo(int, text, text) to authenticated, service_role;
grant execute on function public.has_photo_since_entering(int, public.case_status) to authenticated, service_role;
grant execute on function public.image_mime(bytea), public.photo_bytes(text) to service_role;
