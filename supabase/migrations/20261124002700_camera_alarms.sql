set search_path = public, extensions;

-- AI cameras watching e-bike sheds, bin rooms and building façades. Their
-- alarms arrive from the camera platform (service role) and become cases.
create table public.cameras (
  id int generated always as identity primary key,
  code text not null unique check (code ~ '^[A-Z0-9-]{2,40}$'),
  name_zh text not null check (length(name_zh) between 1 and 60),
  name_en text not null check (length(name_en) between 1 and 100),
  grid_id int references public.grids (id) on delete set null,
  active boolean not null default true,
  synthetic boolean not null default true,
  geom geometry(Point, 4326) not null
);
create index cameras_geom_idx on public.cameras using gist (geom);

-- A camera lies in the finest grid at its place, kept when either moves.
create function public.assign_camera_grid() returns trigger
language plpgsql set search_path = public, extensions as $$
begin
  new.grid_id := public.finest_grid_at(new.geom);
  return new;
end $$;

create trigger cameras_assign_grid before insert or update of geom on public.cameras
  for each row execute function public.assign_camera_grid();

create function public.reassign_camera_grids() returns trigger
language plpgsql security definer set search_path = public, extensions as $$
begin
  update public.cameras c set grid_id = public.finest_grid_at(c.geom)
  where c.grid_id is distinct from public.finest_grid_at(c.geom);
  return null;
end $$;

create trigger grids_reassign_cameras after insert or update of geom, level or delete on public.grids
  for each statement execute function public.reassign_camera_grids();

create trigger cameras_clean_text before insert or update on public.cameras
  for each row execute function public.clean_text_columns('name_zh', 'name_en');
-- Only valid WGS84 here: cameras are loaded below, before the service area
-- exists on a fresh database; the cases their alarms raise must lie inside it.
create trigger cameras_check_geometry before insert or update of geom on public.cameras
  for each row execute function public.check_geometry('anywhere', 'geom');

-- Alarm kinds and the case categories they raise. The categories are new
-- rather than the demo catalogue's (that arrives later, with the seed).
insert into public.case_categories (code, kind, name_zh, name_en, sla_hours, needs_photo) values
  ('E-0411', 'event', '电动自行车棚火灾隐患', 'E-bike shed fire risk', 1, true),
  ('E-0105', 'event', '垃圾箱房外堆放垃圾', 'Garbage left outside the bin room', 4, true),
  ('E-0601', 'event', '高空抛物', 'Object thrown from height', 2, false);

create table public.camera_alarm_kinds (
  kind text primary key check (kind ~ '^[a-z_]{2,40}$'),
  category_code text not null references public.case_categories (code) on update cascade,
  name_zh text not null check (length(name_zh) between 1 and 40),
  name_en text not null check (length(name_en) between 1 and 80)
);
insert into public.camera_alarm_kinds (kind, category_code, name_zh, name_en) values
  ('ebike_fire_risk', 'E-0411', '电动自行车棚火灾隐患', 'e-bike shed fire risk'),
  ('garbage_outside', 'E-0105', '垃圾箱房外堆放垃圾', 'garbage outside the bin room'),
  ('thrown_object', 'E-0601', '高空抛物', 'object thrown from height');

-- Twelve demo cameras, three per sub-district, at ST_PointOnSurface of
-- meta-grids spread over each (listed in the comments), rounded to 1e-6°.
insert into public.cameras (code, name_zh, name_en, geom)
select v.code, v.name_zh, v.name_en, ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326)
from (values
  ('CAM-KJR-01', '控江路第2网格电动自行车棚', 'Kongjiang Road Grid 2 e-bike shed', 121.524466, 31.288654),      -- KJR-G02-M4-03
  ('CAM-KJR-02', '控江路第6网格垃圾箱房', 'Kongjiang Road Grid 6 bin room', 121.513450, 31.286366),             -- KJR-G06-M3-06
  ('CAM-KJR-03', '控江路第10网格住宅楼外立面', 'Kongjiang Road Grid 10 building façade', 121.509303, 31.286667), -- KJR-G10-M1-03
  ('CAM-PPX-01', '彭浦新村第2网格电动自行车棚', 'Pengpu Xincun Grid 2 e-bike shed', 121.445901, 31.313600),     -- PPX-G02-M5-03
  ('CAM-PPX-02', '彭浦新村第8网格垃圾箱房', 'Pengpu Xincun Grid 8 bin room', 121.446087, 31.310108),            -- PPX-G08-M4-04
  ('CAM-PPX-03', '彭浦新村第13网格住宅楼外立面', 'Pengpu Xincun Grid 13 building façade', 121.431624, 31.316403), -- PPX-G13-M2-06
  ('CAM-PLR-01', '平凉路第1网格电动自行车棚', 'Pingliang Road Grid 1 e-bike shed', 121.513429, 31.253630),      -- PLR-G01-M1-04
  ('CAM-PLR-02', '平凉路第10网格垃圾箱房', 'Pingliang Road Grid 10 bin room', 121.519346, 31.255140),           -- PLR-G10-M4-07
  ('CAM-PLR-03', '平凉路第16网格住宅楼外立面', 'Pingliang Road Grid 16 building façade', 121.511490, 31.258911), -- PLR-G16-M1-07
  ('CAM-WLQ-01', '五里桥第3网格电动自行车棚', 'Wuliqiao Grid 3 e-bike shed', 121.471768, 31.203145),            -- WLQ-G03-M2-05
  ('CAM-WLQ-02', '五里桥第7网格垃圾箱房', 'Wuliqiao Grid 7 bin room', 121.467174, 31.195729),                   -- WLQ-G07-M2-03
  ('CAM-WLQ-03', '五里桥第13网格住宅楼外立面', 'Wuliqiao Grid 13 building façade', 121.484466, 31.196201)       -- WLQ-G13-M1-03
) v(code, name_zh, name_en, lon, lat);

-- Every alarm received, and the case it raised or joined.
create table public.camera_alarms (
  id bigint generated always as identity primary key,
  camera_id int not null references public.cameras (id) on delete cascade,
  kind text not null references public.camera_alarm_kinds (kind),
  observed_at timestamptz not null,
  received_at timestamptz not null default now(),
  case_id int not null references public.cases (id) on delete cascade
);
create index camera_alarms_case_idx on public.camera_alarms (case_id, observed_at);

alter table public.cases
  add column camera_id int references public.cameras (id) on delete set null,
  add column alarm_count int check (alarm_count >= 1);
create index cases_camera_open_idx on public.cases (camera_id, category_code) where camera_id is not null;
grant select (alarm_count) on public.cases to anon, authenticated;

-- Camera places are for staff; kinds are public configuration.
alter table public.cameras enable row level security;
alter table public.camera_alarm_kinds enable row level security;
alter table public.camera_alarms enable row level security;
revoke all on public.cameras, public.camera_alarm_kinds, public.camera_alarms from anon, authenticated;
grant select on public.camera_alarm_kinds to anon, authenticated;
grant select on public.cameras, public.camera_alarms to authenticated;
grant insert, update, delete on public.cameras, public.camera_alarm_kinds to authenticated;
grant all on public.cameras, public.camera_alarm_kinds, public.camera_alarms to service_role;
grant all on all sequences in schema public to service_role;
create policy camera_alarm_kinds_read on public.camera_alarm_kinds for select to anon, authenticated using (true);
create policy camera_alarm_kinds_admin_write on public.camera_alarm_kinds for all to authenticated
  using (public.app_role() = 'admin') with check (public.app_role() = 'admin');
create policy cameras_staff_read on public.cameras for select to authenticated using (public.is_staff());
create policy cameras_admin_write on public.cameras for all to authenticated
  using (public.app_role() = 'admin') with check (public.app_role() = 'admin');
create policy camera_alarms_staff_read on public.camera_alarms for select to authenticated using (public.is_staff());

-- The open case from this camera and category that an alarm at p_at joins:
-- one with an alarm within 10 minutes of p_at, either way, inclusive. A
-- burst keeps joining as long as its alarms come at most 10 minutes apart.
create function public.camera_burst_case(p_camera_id int, p_category_code text, p_at timestamptz) returns int
language sql stable set search_path = public, extensions as $$
  select c.id from public.cases c
  where c.camera_id = p_camera_id and c.category_code = p_category_code and public.is_open(c.status)
    and exists (select 1 from public.camera_alarms a
                where a.case_id = c.id and a.observed_at between p_at - interval '10 minutes' and p_at + interval '10 minutes')
  order by c.id desc
  limit 1
$$;

-- One alarm from the camera platform: it joins the burst it belongs to
-- (alarm_count + 1) or opens a case at the camera. The time is checked
-- against the window parking readings use: at most 5 minutes ahead of the
-- database clock, at most 7 days old. A snapshot is kept with the case's
-- photos.
create function public.ingest_camera_alarm(p_camera_code text, p_kind text, p_at timestamptz,
                                           p_snapshot_base64 text default null)
returns table (case_id int, case_no text, merged boolean, alarm_count int)
language plpgsql security definer set search_path = public, extensions as $$
declare
  cam public.cameras;
  alarm_kind public.camera_alarm_kinds;
  snapshot bytea;
  target_id int;
begin
  if public.app_role() <> 'service' then
    raise exception 'only the camera platform (service role) may send alarms, not role %', public.app_role()
      using errcode = '42501';
  end if;
  -- Locks the camera row: alarms from one camera are taken one at a time.
  select * into cam from public.cameras c where c.code = p_camera_code for update;
  if cam.id is null then
    raise exception 'unknown camera %', coalesce(quote_literal(p_camera_code), 'null') using errcode = 'P0002';
  end if;
  if not cam.active then
    raise exception 'camera % is switched off in Citygrid', cam.code using errcode = '55000';
  end if;
  select * into alarm_kind from public.camera_alarm_kinds k where k.kind = p_kind;
  if alarm_kind.kind is null then
    raise exception 'unknown alarm kind %: expected one of %', coalesce(quote_literal(p_kind), 'null'),
      (select string_agg(k.kind, ', ' order by k.kind) from public.camera_alarm_kinds k) using errcode = '22023';
  end if;
  if p_at is null or not isfinite(p_at) or p_at > now() + interval '5 minutes' or p_at < now() - interval '7 days' then
    raise exception 'alarm from camera % observed at % is outside the accepted window (7 days ago to 5 minutes ahead of %)',
      cam.code, coalesce(p_at::text, 'null'), date_trunc('second', now()) using errcode = '22023';
  end if;
  if p_snapshot_base64 is not null then
    snapshot := public.photo_bytes(p_snapshot_base64);
  end if;

  target_id := public.camera_burst_case(cam.id, alarm_kind.category_code, p_at);
  if target_id is null then
    insert into public.cases (category_code, source, description, address, geom, reported_at, camera_id, alarm_count)
    values (alarm_kind.category_code, 'ai_camera',
            format('AI摄像头告警：%s（%s）/ AI camera alarm: %s (%s)', alarm_kind.name_zh, cam.name_zh, alarm_kind.name_en, cam.name_en),
            cam.name_zh, cam.geom, least(p_at, now()), cam.id, 1)
    returning id into target_id;
  else
    update public.cases c set alarm_count = c.alarm_count + 1 where c.id = target_id;
  end if;
  insert into public.camera_alarms (camera_id, kind, observed_at, case_id)
  values (cam.id, alarm_kind.kind, p_at, target_id);
  if snapshot is not null then
    insert into public.case_photos (case_id, status, mime, bytes, created_by_role)
    select c.id, c.status, public.image_mime(snapshot), snapshot, 'service' from public.cases c where c.id = target_id;
  end if;
  return query
    select c.id, c.case_no, c.alarm_count > 1, c.alarm_count from public.cases c where c.id = target_id;
end $$;

revoke execute on function public.assign_camera_grid(), public.reassign_camera_grids(),
  public.camera_burst_case(int, text, timestamptz), public.ingest_camera_alarm(text, text, timestamptz, text)
  from public, anon, authenticated;
grant execute on function public.camera_burst_case(int, text, timestamptz),
  public.ingest_camera_alarm(text, text, timestamptz, text) to service_role;
