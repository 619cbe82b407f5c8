set search_path = public, extensions;

-- Everything the case panel shows, in one read: what the case is and where,
-- who answers for its grid, the clock of its current stage, the timeline and
-- the photos (staff only), and what it is linked to. Staff see notes, contact
-- and the responsible person's phone; the public sees the case as on the map.
drop function public.case_detail(int);
create function public.case_detail(p_case_id int)
returns table (id int, case_no text, category_code text, category_zh text, category_en text,
               source text, status text, description text, address text, lon float8, lat float8,
               grid_id int, grid_code text, grid_zh text, grid_en text,
               responsible_name text, responsible_phone text,
               reported_at timestamptz, due_at timestamptz, closed_at timestamptz,
               stage text, stage_due_at timestamptz,
               reporter_contact text, duplicate_of text, camera_code text, alarm_count int,
               events jsonb, photos jsonb)
language sql stable security definer set search_path = public, extensions as $$
  select c.id, c.case_no, c.category_code, k.name_zh, k.name_en, c.source::text, c.status::text,
         case when public.is_staff() then c.description else public.mask_personal_numbers(c.description) end,
         case when public.is_staff() then c.address else public.mask_personal_numbers(c.address) end,
         ST_X(c.geom), ST_Y(c.geom), c.grid_id, g.code, g.name_zh, g.name_en,
         g.responsible_name, case when public.is_staff() then g.responsible_phone end,
         c.reported_at, c.due_at, c.closed_at,
         public.case_stage(c.status), c.stage_due_at,
         case when public.is_staff() then r.contact end,
         d.case_no, cam.code, c.alarm_count,
         case when public.is_staff() then (
           select coalesce(jsonb_agg(jsonb_build_object(
                    'from', e.from_status, 'to', e.to_status, 'role', e.actor_role,
                    'note', e.note, 'at', e.created_at) order by e.id), '[]'::jsonb)
           from public.case_events e where e.case_id = c.id)
         else '[]'::jsonb end,
         case when public.is_staff() and public.can_work_grid(c.grid_id) then (
           select coalesce(jsonb_agg(jsonb_build_object(
                    'id', p.id, 'mime', p.mime, 'status', p.status, 'at', p.created_at, 'bytes', p.byte_size)
                    order by p.created_at), '[]'::jsonb)
           from public.case_photos p where p.case_id = c.id)
         else '[]'::jsonb end
  from public.cases c
  join public.case_categories k on k.code = c.category_code
  left join public.grids g on g.id = c.grid_id
  left join public.case_reporters r on r.case_id = c.id
  left join public.cases d on d.id = c.duplicate_of
  left join public.cameras cam on cam.id = c.camera_id
  where c.id = p_case_id
$$;

-- One photo's bytes, for the staff who may see the case's photos (the
-- table's row-level security decides).
create function public.case_photo(p_photo_id bigint)
returns table (mime text, data_base64 text)
language sql stable set search_path = public, extensions as $$
  select p.mime, translate(encode(p.bytes, 'base64'), E'\n', '') from public.case_photos p where p.id = p_photo_id
$$;

-- The case a typed number names, for the search box: case numbers are public
-- (the map shows them), so anyone may look one up. Case and spaces are forgiven.
create function public.find_case(p_case_no text)
returns table (id int, lon float8, lat float8)
language sql stable security definer set search_path = public, extensions as $$
  select c.id, ST_X(c.geom), ST_Y(c.geom) from public.cases c
  where c.case_no = upper(regexp_replace(coalesce(p_case_no, ''), '\s', '', 'g'))
$$;

revoke execute on function public.case_detail(int), public.case_photo(bigint), public.find_case(text) from public;
grant execute on function public.case_detail(int), public.find_case(text) to anon, authenticated, service_role;
grant execute on function public.case_photo(bigint) to authenticated, service_role;
