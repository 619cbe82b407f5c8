set search_path = public, extensions;

-- On Supabase, residents' photos are kept in Storage (the report-photos
-- bucket, a folder per tracking code), not in case_photos. The case panel
-- lists both: Storage objects come with their path, for a signed URL.
-- PGlite and plain PostgreSQL have no storage schema: there the list is
-- case_photos alone.
create function public.case_photo_list(p_case_id int, p_tracking_code text)
returns jsonb
language plpgsql stable security definer set search_path = public, extensions as $$
declare
  photos jsonb;
  stored jsonb := '[]';
begin
  select coalesce(jsonb_agg(jsonb_build_object(
           'id', p.id, 'mime', p.mime, 'status', p.status, 'at', p.created_at, 'bytes', p.byte_size)
           order by p.created_at), '[]'::jsonb)
    into photos
    from public.case_photos p where p.case_id = p_case_id;
  if to_regclass('storage.objects') is not null and p_tracking_code is not null then
    execute $q$select coalesce(jsonb_agg(jsonb_build_object(
                 'id', null, 'path', o.name, 'mime', o.metadata->>'mimetype', 'status', 'reported',
                 'at', o.created_at, 'bytes', (o.metadata->>'size')::int) order by o.created_at), '[]'::jsonb)
               from storage.objects o
               where o.bucket_id = 'report-photos' and split_part(o.name, '/', 1) = $1$q$
      into stored using p_tracking_code;
  end if;
  return stored || photos;
end $$;

revoke execute on function public.case_photo_list(int, text) from public;

create or replace function public.case_detail(p_case_id int)
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
         case when public.is_staff() and public.can_work_grid(c.grid_id) then public.case_photo_list(c.id, c.tracking_code)
         else '[]'::jsonb end
  from public.cases c
  join public.case_categories k on k.code = c.category_code
  left join public.grids g on g.id = c.grid_id
  left join public.case_reporters r on r.case_id = c.id
  left join public.cases d on d.id = c.duplicate_of
  left join public.cameras cam on cam.id = c.camera_id
  where c.id = p_case_id
$$;
