set search_path = public, extensions;

-- New functions are executable by PUBLIC (and, on Supabase, by its API roles
-- through default privileges). Start from nothing again and grant each read
-- and write path, and each helper that invoker code (RLS policies, triggers
-- on staff writes) calls.
revoke execute on all functions in schema public from public, anon, authenticated;

grant execute on function
  public.app_role(), public.is_staff(), public.can_work_grid(int), public.finest_grid_at(geometry),
  public.point_from_geojson(jsonb), public.bbox_envelope(float8, float8, float8, float8),
  public.is_open(public.case_status)
  to anon, authenticated;
grant execute on function
  public.area_tolerance_m2(float8), public.clean_text(text), public.geometry_problem(geometry),
  public.in_service_area(geometry), public.row_label(regclass, anyelement)
  to authenticated;

-- The API, as catalogued in src/lib/data/rpc.ts.
grant execute on function
  public.layer_counts(), public.list_case_categories(),
  public.grids_in_bbox(float8, float8, float8, float8, text, int[]),
  public.cases_in_bbox(float8, float8, float8, float8, text[], text[], text[], timestamptz, int[], int),
  public.case_detail(int), public.track_case(text),
  public.fire_stations_in_bbox(float8, float8, float8, float8, int[]),
  public.parking_in_bbox(float8, float8, float8, float8, int[]),
  public.volunteer_posts_in_bbox(float8, float8, float8, float8, int[]),
  public.nearest_parking(float8, float8, int, int), public.kpi_summary(text),
  public.report_case(text, jsonb, text, text, text, text)
  to anon, authenticated;
grant execute on function
  public.transition_case(int, text, text, text), public.record_parking_reading(int, int, timestamptz)
  to authenticated;

grant execute on all functions in schema public to service_role;
revoke execute on function public.bring_demo_data_to_now() from service_role;
