set search_path = public, extensions;

-- A reading is accepted when it was observed at most 5 minutes ahead of the
-- database clock (skew between a feed and the database) and at most 7 days
-- ago (late uploads and backfills). Anything else, 'infinity' and 4713 BC
-- included, is refused with the window in the message.
create function public.check_parking_reading() returns trigger
language plpgsql set search_path = public, extensions as $$
begin
  if new.observed_at is null or not isfinite(new.observed_at)
     or new.observed_at > now() + interval '5 minutes'
     or new.observed_at < now() - interval '7 days' then
    raise exception 'parking reading for lot %: observed at % is outside the accepted window (7 days ago to 5 minutes ahead of %)',
      new.lot_id, new.observed_at, date_trunc('second', now()) using errcode = '22023';
  end if;
  return new;
end $$;

create trigger parking_readings_check_time before insert or update on public.parking_readings
  for each row execute function public.check_parking_reading();

-- Without a time the database clock decides, so a device with a wrong clock
-- cannot date a manual reading.
create or replace function public.record_parking_reading(p_lot_id int, p_free_spaces int, p_observed_at timestamptz default null)
returns void language plpgsql security invoker set search_path = public, extensions as $$
begin
  if p_free_spaces is null or p_free_spaces < 0 then
    raise exception 'free spaces must be zero or more (got %)', p_free_spaces using errcode = '22023';
  end if;
  insert into public.parking_readings (lot_id, observed_at, free_spaces)
  values (p_lot_id, coalesce(p_observed_at, now()), p_free_spaces);
end $$;

-- Unfreeze lots that a reading from the future had stamped: drop readings
-- outside the window ahead, and take each such lot's newest remaining one.
select set_config('citygrid.bulk_load', 'on', false);
delete from public.parking_readings where not isfinite(observed_at) or observed_at > now() + interval '5 minutes';
update public.parking_lots l
set free_spaces = coalesce(r.free_spaces, l.free_spaces), updated_at = coalesce(r.observed_at, now())
from public.parking_lots f
left join lateral (
  select pr.free_spaces, pr.observed_at from public.parking_readings pr
  where pr.lot_id = f.id order by pr.observed_at desc limit 1) r on true
where l.id = f.id and (not isfinite(f.updated_at) or f.updated_at > now() + interval '5 minutes');
select set_config('citygrid.bulk_load', 'off', false);
