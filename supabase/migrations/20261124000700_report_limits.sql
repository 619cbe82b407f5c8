set search_path = public, extensions;

-- Limits on reports from the public and from signed-in residents, counted in
-- fixed windows per device (the x-citygrid-device header), per network
-- address (on Supabase from the headers PostgREST exposes) and per signed-in
-- user. An address is shared by many phones behind a carrier's NAT, so its
-- limit is much higher. Staff and the service role are not limited.
create table public.report_limits (
  scope text primary key check (scope in ('device', 'address', 'user')),
  max_reports int not null check (max_reports > 0),
  window_seconds int not null check (window_seconds between 60 and 86400)
);
insert into public.report_limits (scope, max_reports, window_seconds) values
  ('device', 10, 3600),
  ('user', 10, 3600),
  ('address', 200, 3600);

create table public.report_counts (
  scope text not null,
  key text not null,
  window_start timestamptz not null,
  reports int not null,
  primary key (scope, key, window_start)
);
create index report_counts_window_idx on public.report_counts (window_start);

alter table public.report_limits enable row level security;
alter table public.report_counts enable row level security;
grant select on public.report_limits to authenticated;
create policy report_limits_staff_read on public.report_limits for select to authenticated using (public.is_staff());
create policy report_limits_admin_write on public.report_limits for all to authenticated
  using (public.app_role() = 'admin') with check (public.app_role() = 'admin');
grant update on public.report_limits to authenticated;
grant all on public.report_limits, public.report_counts, public.case_number_days to service_role;

-- Counts one report against one scope's limit; refuses it (SQLSTATE PT429,
-- HTTP 429 through PostgREST) with the seconds until the window ends.
create function public.count_report(p_scope text, p_key text) returns void
language plpgsql security definer set search_path = public, extensions as $$
declare
  lim public.report_limits;
  current_window timestamptz;
  n int;
  retry_after int;
begin
  select * into lim from public.report_limits where scope = p_scope;
  if lim is null or p_key is null then
    return;
  end if;
  current_window := to_timestamp(floor(extract(epoch from now()) / lim.window_seconds) * lim.window_seconds);
  insert into public.report_counts as r (scope, key, window_start, reports) values (p_scope, left(p_key, 100), current_window, 1)
    on conflict (scope, key, window_start) do update set reports = r.reports + 1
    returning r.reports into n;
  if n > lim.max_reports then
    retry_after := ceil(extract(epoch from current_window + make_interval(secs => lim.window_seconds) - now()));
    raise exception 'too many reports from this %: at most % per % minutes; try again in % minutes',
      p_scope, lim.max_reports, lim.window_seconds / 60, ceil(retry_after / 60.0)
      using errcode = 'PT429', detail = 'retry_after=' || retry_after,
            hint = 'urgent matters: call 12345 or 110';
  end if;
  if random() < 0.01 then
    delete from public.report_counts r where r.window_start < now() - interval '1 day';
  end if;
end $$;

-- The address a request came from, as the platform's proxies report it.
create function public.request_address() returns text
language sql stable set search_path = public, extensions as $$
  select nullif(btrim(coalesce(
    h ->> 'cf-connecting-ip', h ->> 'x-real-ip', split_part(h ->> 'x-forwarded-for', ',', 1))), '')
  from (select coalesce(nullif(current_setting('request.headers', true), ''), '{}')::jsonb as h) r
$$;

create function public.limit_public_reports() returns void
language plpgsql security definer set search_path = public, extensions as $$
declare
  headers jsonb := coalesce(nullif(current_setting('request.headers', true), ''), '{}')::jsonb;
  device text := nullif(btrim(headers ->> 'x-citygrid-device'), '');
  address text := public.request_address();
begin
  if public.app_role() not in ('public', 'resident') then
    return;
  end if;
  perform public.count_report('device', coalesce(device, case when address is null then 'unidentified' end));
  perform public.count_report('address', address);
  perform public.count_report('user', auth.uid()::text);
end $$;
