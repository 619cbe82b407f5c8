set search_path = public, extensions;

-- Open311 GeoReport v2, read side (services.json and requests.json field by
-- field), for anyone: a gateway or the public API serves these rows as is.
-- Names are Chinese first; English rides in description and keywords.

create function public.open311_services()
returns table (service_code text, service_name text, description text, metadata boolean, type text,
               keywords text, "group" text)
language sql stable set search_path = public, extensions as $$
  select k.code, k.name_zh,
         format('%s — handled within %s hours / %s小时内处置', k.name_en, k.sla_hours, k.sla_hours),
         false, 'realtime',
         concat_ws(',', k.name_en, k.kind, case k.kind when 'component' then '部件' else '事件' end),
         k.kind
  from public.case_categories k
  where k.active
  order by k.code
$$;

-- Service requests, newest first. Without dates, the last 90 days (as the
-- specification says); p_status and p_service_code take comma-separated
-- lists. Security definer, as case_detail(): the public cannot read free
-- text from the table. Nothing personal leaves: no contact, no tracking
-- code, no notes; description and address have phone and ID numbers masked.
create function public.open311_requests(
  p_start_date timestamptz default null, p_end_date timestamptz default null, p_status text default null,
  p_service_code text default null, p_limit int default 1000)
returns table (service_request_id text, status text, status_notes text, service_name text, service_code text,
               description text, agency_responsible text, service_notice text, requested_datetime timestamptz,
               updated_datetime timestamptz, expected_datetime timestamptz, address text, lat float8, long float8,
               media_url text)
language plpgsql stable security definer set search_path = public, extensions as $$
declare
  period_end timestamptz := coalesce(p_end_date, now());
  period_start timestamptz := coalesce(p_start_date, period_end - interval '90 days');
  statuses text[] := string_to_array(replace(p_status, ' ', ''), ',');
  codes text[] := string_to_array(replace(p_service_code, ' ', ''), ',');
begin
  if not isfinite(period_start) or not isfinite(period_end) or period_start > period_end then
    raise exception 'invalid period % to %: expected finite dates, start before end', period_start, period_end
      using errcode = '22023';
  end if;
  if statuses is not null and not statuses <@ array['open', 'closed'] then
    raise exception 'unknown status %: expected open, closed or both', quote_literal(p_status) using errcode = '22023';
  end if;
  if codes is not null and exists (select 1 from unnest(codes) x(code)
                                   where not exists (select 1 from public.case_categories k where k.code = x.code)) then
    raise exception 'unknown service_code %', quote_literal(p_service_code) using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 1000 then
    raise exception 'invalid limit %: expected 1 to 1000', coalesce(p_limit::text, 'null') using errcode = '22023';
  end if;
  return query
    select c.case_no,
           case when public.is_open(c.status) then 'open' else 'closed' end,
           c.status::text || coalesce('; duplicate of ' || o.case_no, ''),
           k.name_zh, k.code,
           public.mask_personal_numbers(c.description),
           s.name_zh,
           format('%s小时内处置 / to be handled within %s hours', k.sla_hours, k.sla_hours),
           c.reported_at, c.updated_at, c.due_at,
           public.mask_personal_numbers(c.address),
           ST_Y(c.geom), ST_X(c.geom),
           null::text
    from public.cases c
    join public.case_categories k on k.code = c.category_code
    left join public.subdistricts s on s.id = c.subdistrict_id
    left join public.cases o on o.id = c.duplicate_of
    where c.reported_at >= period_start and c.reported_at <= period_end
      and (statuses is null or (case when public.is_open(c.status) then 'open' else 'closed' end) = any(statuses))
      and (codes is null or c.category_code = any(codes))
    order by c.reported_at desc, c.id desc
    limit p_limit;
end $$;

revoke execute on function public.open311_services(),
  public.open311_requests(timestamptz, timestamptz, text, text, int) from public, anon, authenticated;
grant execute on function public.open311_services(),
  public.open311_requests(timestamptz, timestamptz, text, text, int) to anon, authenticated, service_role;
