set search_path = public, extensions;

-- Newest first: when more cases match than the caller reads (p_limit), the
-- ones left out are the oldest, and the caller says so on screen.
create or replace function public.cases_in_bbox(
  p_west float8 default null, p_south float8 default null,
  p_east float8 default null, p_north float8 default null,
  p_statuses text[] default null, p_categories text[] default null, p_sources text[] default null,
  p_since timestamptz default null, p_ids int[] default null, p_limit int default 200000)
returns table (id int, case_no text, category_code text, source text, status text,
               lon float8, lat float8, grid_id int, reported_at timestamptz, due_at timestamptz,
               closed_at timestamptz)
language sql stable set search_path = public, extensions as $$
  select c.id, c.case_no, c.category_code, c.source::text, c.status::text,
         ST_X(c.geom), ST_Y(c.geom), c.grid_id, c.reported_at, c.due_at, c.closed_at
  from public.cases c
  cross join (select public.bbox_envelope(p_west, p_south, p_east, p_north) as env) area
  where c.geom && area.env
    and (p_statuses is null or c.status::text = any(p_statuses))
    and (p_categories is null or c.category_code = any(p_categories))
    and (p_sources is null or c.source::text = any(p_sources))
    and (p_since is null or c.reported_at >= p_since)
    and (p_ids is null or c.id = any(p_ids))
  order by c.id desc
  limit least(greatest(p_limit, 0), 1000001)
$$;
