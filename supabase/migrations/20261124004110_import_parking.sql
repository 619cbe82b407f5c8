set search_path = public, extensions;

-- Parking data from outside (a city's open data, an operator's feed): each
-- row names a lot by its code and brings what the file knows of it, and
-- optionally a reading. Values arrive as the file had them (text or
-- numbers); everything is checked here, so the admin's drop-zone and the
-- command line refuse exactly the same rows for the same reasons.

-- A number written as JSON or as text; null when absent, blank or not a number.
create function public.import_number(p_value jsonb) returns float8
language sql immutable set search_path = public, extensions as $$
  select case
    when jsonb_typeof(p_value) = 'number' then (p_value #>> '{}')::float8
    when jsonb_typeof(p_value) = 'string' and btrim(p_value #>> '{}') ~ '^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$'
      then btrim(p_value #>> '{}')::float8
  end
$$;

-- Text of a field, null when absent, JSON null or blank.
create function public.import_text(p_value jsonb) returns text
language sql immutable set search_path = public, extensions as $$
  select nullif(btrim(case when jsonb_typeof(p_value) in ('string', 'number') then p_value #>> '{}' end), '')
$$;

-- A time of observation: ISO 8601 with a date first (an offset, or Z; without
-- one it is Shanghai time, the service area's, UTC+8 all year), or epoch
-- seconds (milliseconds above 1e11). Null when it cannot be read; words like
-- 'now' or 'yesterday' that PostgreSQL would accept are not read.
create function public.import_time(p_value jsonb) returns timestamptz
language plpgsql stable set search_path = public, extensions as $$
declare
  t text := public.import_text(p_value);
  n float8 := case when jsonb_typeof(p_value) = 'number' then (p_value #>> '{}')::float8 end;
begin
  if n is not null then
    return to_timestamp(case when abs(n) > 1e11 then n / 1000 else n end);
  end if;
  if t is null or t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?\s*(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$' then
    return null;
  end if;
  if t ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' and t ~ 'T|\s[0-9]' then
    return t::timestamptz;
  end if;
  return (t::timestamp at time zone 'UTC') - interval '8 hours';
exception when others then
  return null;
end $$;

-- One row: the lot created or updated, its reading recorded; or the reason it was refused.
create function public.import_parking_row(r jsonb)
returns table (code text, outcome text, reading text, reason text)
language plpgsql set search_path = public, extensions as $$
declare
  v_code text := public.import_text(r -> 'code');
  v_name_zh text := coalesce(public.import_text(r -> 'name_zh'), public.import_text(r -> 'name_en'));
  v_name_en text := coalesce(public.import_text(r -> 'name_en'), public.import_text(r -> 'name_zh'));
  v_kind text := public.import_text(r -> 'kind');
  v_capacity float8 := public.import_number(r -> 'capacity');
  v_free float8 := public.import_number(r -> 'free_spaces');
  v_fee float8 := public.import_number(r -> 'fee_per_hour_cny');
  v_hours text := public.import_text(r -> 'hours');
  v_lon float8 := public.import_number(r -> 'lon');
  v_lat float8 := public.import_number(r -> 'lat');
  v_at timestamptz := public.import_time(r -> 'observed_at');
  v_point geometry;
  lot public.parking_lots;
  v_capacity_now int;
  newer boolean;
  stored int;
  problem text;
begin
  -- What is wrong with the row, first problem first.
  problem := case
    when jsonb_typeof(r) <> 'object' then 'the row is not an object'
    when v_code is null then 'missing field: code'
    when v_code !~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,59}$' then format('code %s must be 1 to 60 letters, digits and - _ . :', quote_literal(v_code))
    when public.import_text(r -> 'capacity') is not null and (v_capacity is null or v_capacity <> trunc(v_capacity)) then
      format('capacity %s is not a whole number', quote_literal(public.import_text(r -> 'capacity')))
    when v_capacity = 0 then 'capacity 0: a lot has at least one space'
    when v_capacity < 0 or v_capacity > 10000 then format('capacity %s is outside 1 to 10000', v_capacity)
    when public.import_text(r -> 'free_spaces') is not null and (v_free is null or v_free <> trunc(v_free)) then
      format('free spaces %s is not a whole number', quote_literal(public.import_text(r -> 'free_spaces')))
    when v_free < 0 then format('free spaces %s is below 0', v_free)
    when public.import_text(r -> 'observed_at') is not null and v_at is null then
      format('unknown timestamp %s (ISO 8601 like 2026-11-24T08:30:00+08:00, or epoch seconds)', quote_literal(public.import_text(r -> 'observed_at')))
    when v_free is not null and v_at is null then 'missing field: observed_at (when the free spaces were counted)'
    when v_at is not null and v_free is null then 'missing field: free_spaces (observed_at has no count with it)'
    when v_at is not null and (v_at > now() + interval '5 minutes' or v_at < now() - interval '7 days') then
      format('observed at %s, outside the accepted window (7 days ago to 5 minutes ahead of %s)', v_at, date_trunc('second', now()))
    when public.import_text(r -> 'fee_per_hour_cny') is not null and (v_fee is null or v_fee < 0) then
      format('fee %s is not an amount of yuan per hour', quote_literal(public.import_text(r -> 'fee_per_hour_cny')))
    when v_kind is not null and v_kind not in ('public', 'residential', 'shared', 'on_street') then
      format('unknown kind %s (public, residential, shared or on_street)', quote_literal(v_kind))
    when v_hours is not null and v_hours !~ '^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$' then format('hours %s are not HH:MM-HH:MM', quote_literal(v_hours))
    when (public.import_text(r -> 'lon') is null) <> (public.import_text(r -> 'lat') is null) then
      format('missing field: %s', case when public.import_text(r -> 'lon') is null then 'lon' else 'lat' end)
    when public.import_text(r -> 'lon') is not null and (v_lon is null or v_lat is null or abs(v_lon) > 180 or abs(v_lat) > 90) then
      format('position (%s, %s) is not a longitude and latitude in degrees', public.import_text(r -> 'lon'), public.import_text(r -> 'lat'))
  end;
  if problem is null and v_lon is not null then
    v_point := ST_SetSRID(ST_MakePoint(v_lon, v_lat), 4326);
    if not public.in_service_area(v_point) then
      problem := format('position (%s, %s) is outside the service area', v_lon, v_lat);
    end if;
  end if;
  if problem is not null then
    return query select v_code, 'refused', null::text, problem;
    return;
  end if;

  select * into lot from public.parking_lots l where l.code = v_code for update;
  v_capacity_now := coalesce(v_capacity::int, lot.capacity);
  problem := case
    when lot.id is null and v_name_zh is null then 'missing field: name (name_zh or name_en) for a new lot'
    when lot.id is null and v_capacity is null then 'missing field: capacity for a new lot'
    when lot.id is null and v_point is null then 'missing field: lon and lat for a new lot'
    when lot.id is null and v_free is null then 'missing field: free_spaces and observed_at for a new lot'
    when v_free > v_capacity_now then format('free spaces %s exceed capacity %s', v_free, v_capacity_now)
    when v_free is null and lot.free_spaces > v_capacity_now then
      format('capacity %s is below the %s free spaces stored; send a reading with it', v_capacity_now, lot.free_spaces)
    when length(v_name_zh) > 60 or length(v_name_en) > 100 then 'name longer than 60 characters (zh) or 100 (en)'
  end;
  if problem is not null then
    return query select v_code, 'refused', null::text, problem;
    return;
  end if;

  if lot.id is null then
    insert into public.parking_lots (code, kind, name_zh, name_en, capacity, free_spaces, fee_per_hour_cny, hours, synthetic, geom, updated_at)
    values (v_code, coalesce(v_kind, 'public'), v_name_zh, v_name_en, v_capacity_now, v_free::int, v_fee, coalesce(v_hours, '00:00-24:00'), false, v_point, v_at)
    returning * into lot;
    outcome := 'created';
  else
    newer := v_at is not null and v_at >= lot.updated_at;
    update public.parking_lots l set
      kind = coalesce(v_kind, l.kind),
      name_zh = coalesce(public.import_text(r -> 'name_zh'), public.import_text(r -> 'name_en'), l.name_zh),
      name_en = coalesce(public.import_text(r -> 'name_en'), public.import_text(r -> 'name_zh'), l.name_en),
      capacity = coalesce(v_capacity::int, l.capacity),
      free_spaces = case when newer then v_free::int else l.free_spaces end,
      updated_at = case when newer then v_at else l.updated_at end,
      fee_per_hour_cny = coalesce(v_fee, l.fee_per_hour_cny),
      hours = coalesce(v_hours, l.hours),
      geom = coalesce(v_point, l.geom)
    where l.id = lot.id;
    outcome := 'updated';
  end if;

  if v_at is not null then
    insert into public.parking_readings (lot_id, observed_at, free_spaces) values (lot.id, v_at, v_free::int)
    on conflict on constraint parking_readings_pkey do nothing;
    get diagnostics stored = row_count;
    reading := case when stored = 0 then 'duplicate' when outcome = 'created' or newer then 'current' else 'history' end;
  end if;
  return query select v_code, outcome, reading, null::text;
end $$;

-- Lots and readings from a file, parsed by the caller into rows keyed by
-- their line (where the row sits in the file), each with the fields named in
-- import_parking_row; rows are taken in line order. Each row is taken or
-- refused on its own, and a refused row changes nothing. With p_dry_run
-- nothing is kept and the answer is the same.
create function public.import_parking(p_rows jsonb, p_dry_run boolean default false)
returns table (line int, code text, outcome text, reading text, reason text)
language plpgsql security definer set search_path = public, extensions as $$
declare
  results jsonb := '[]';
  item record;
  answer record;
begin
  if public.app_role() not in ('admin', 'service') then
    raise exception 'only admins and the service role may import parking data, not role %', public.app_role() using errcode = '42501';
  end if;
  if p_rows is null or jsonb_typeof(p_rows) <> 'object' or exists (select 1 from jsonb_object_keys(p_rows) k where k !~ '^[0-9]{1,9}$') then
    raise exception 'rows must be a JSON object of rows keyed by their line number' using errcode = '22023';
  end if;
  if (select count(*) from jsonb_object_keys(p_rows)) > 10000 then
    raise exception 'at most 10000 rows a call (got %)', (select count(*) from jsonb_object_keys(p_rows)) using errcode = '22023';
  end if;
  begin
    for item in select e.key::int as n, e.value from jsonb_each(p_rows) e order by e.key::int loop
      begin
        select * into answer from public.import_parking_row(item.value);
      exception when others then
        -- A rule met only on writing (a check, a trigger): the row is refused with the database's words.
        select public.import_text(item.value -> 'code') as code, 'refused' as outcome, null::text as reading, sqlerrm as reason into answer;
      end;
      results := results || jsonb_build_object(
        'line', item.n, 'code', answer.code, 'outcome', answer.outcome, 'reading', answer.reading, 'reason', answer.reason);
    end loop;
    if p_dry_run then
      raise exception 'dry run' using errcode = 'CG001';
    end if;
  exception when sqlstate 'CG001' then
    null; -- the dry run's writes are undone; its answers are kept
  end;
  return query
    select (x ->> 'line')::int, x ->> 'code', x ->> 'outcome', x ->> 'reading', x ->> 'reason'
    from jsonb_array_elements(results) x;
end $$;

revoke execute on function public.import_number(jsonb), public.import_text(jsonb), public.import_time(jsonb),
  public.import_parking_row(jsonb), public.import_parking(jsonb, boolean) from public, anon, authenticated;
grant execute on function public.import_parking(jsonb, boolean) to authenticated, service_role;
grant execute on function public.import_number(jsonb), public.import_text(jsonb), public.import_time(jsonb),
  public.import_parking_row(jsonb) to service_role;
