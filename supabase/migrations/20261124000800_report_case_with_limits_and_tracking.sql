set search_path = public, extensions;

-- The only way to create a case. Everything is checked here, so a bad report
-- is refused with a message that names the bad value and nothing is written;
-- the public and residents are held to the report limits. The answer carries
-- the tracking code the reporter follows the case with.
drop function public.report_case(text, jsonb, text, text, text, text);
create function public.report_case(
  p_category_code text, p_location jsonb, p_description text,
  p_source text default 'resident_qr', p_contact text default null, p_address text default null)
returns table (id int, case_no text, tracking_code text, grid_code text, due_at timestamptz)
language plpgsql security definer set search_path = public, extensions as $$
declare
  caller text := public.app_role();
  description text := public.clean_text(p_description);
  contact text := public.clean_text(p_contact);
  address text := public.clean_text(p_address);
  point geometry;
  new_id int;
begin
  if not exists (select 1 from public.case_categories c where c.code = p_category_code and c.active) then
    raise exception 'unknown case category %', coalesce(quote_literal(p_category_code), 'null')
      using errcode = '22023';
  end if;
  if p_source is null or p_source not in ('resident_qr', 'inspector_patrol', 'ai_camera', 'hotline_12345') then
    raise exception 'unknown case source %', coalesce(quote_literal(p_source), 'null') using errcode = '22023';
  end if;
  if p_source <> 'resident_qr' and not public.is_staff() then
    raise exception 'role % may only report cases from a resident QR code', caller using errcode = '42501';
  end if;
  if description is null then
    raise exception 'description is blank (only spaces or invisible characters)' using errcode = '22023';
  end if;
  if length(description) > 2000 then
    raise exception 'description must be 1 to 2000 characters (got %)', length(description) using errcode = '22023';
  end if;
  if length(contact) > 100 or length(address) > 200 then
    raise exception 'contact is limited to 100 characters and address to 200' using errcode = '22023';
  end if;
  point := public.point_from_geojson(p_location);
  if not public.in_service_area(point) then
    raise exception 'location (%, %) is outside the service area', ST_X(point), ST_Y(point)
      using errcode = '22023';
  end if;
  perform public.limit_public_reports();

  insert into public.cases (category_code, source, description, address, geom)
  values (p_category_code, p_source::public.case_source, description, address, point)
  returning cases.id into new_id;
  if contact is not null then
    insert into public.case_reporters (case_id, contact) values (new_id, contact);
  end if;
  return query
    select c.id, c.case_no, c.tracking_code, g.code, c.due_at
    from public.cases c left join public.grids g on g.id = c.grid_id
    where c.id = new_id;
end $$;

