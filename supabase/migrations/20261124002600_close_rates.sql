set search_path = public, extensions;

-- Close rates of the cases reported in [p_from, p_to), per top-level grid,
-- sub-district or category; every group is listed, those without cases too.
--   reported            cases reported in the period (linked duplicate
--                       reports left out: one incident counts once)
--   rejected            of those, not accepted as cases (不予立案)
--   closed              of those, closed now
--   close_rate          结案率 = closed / (reported - rejected)
--   on_time_closed      of the closed, closed by their overall due time
--                       (closed_at <= due_at; exactly at the due time is on time)
--   on_time_close_rate  按期结案率 = on_time_closed / closed
--   median_close_hours  median of closed_at - reported_at, in hours
-- A rate with nothing to divide by is null, not 0: no cases is not failure.
-- Who sees what: grid level is staff only (it rates the people working each
-- grid), and an inspector gets only the grids they work; sub-districts and
-- categories are public, as on the public dashboard.
create function public.close_rates(p_from timestamptz, p_to timestamptz, p_group text)
returns table (group_key text, name_zh text, name_en text, reported int, rejected int, closed int,
               close_rate float8, on_time_closed int, on_time_close_rate float8, median_close_hours float8)
language plpgsql stable set search_path = public, extensions as $$
begin
  if p_from is null or p_to is null or not isfinite(p_from) or not isfinite(p_to) or p_from >= p_to then
    raise exception 'invalid period % to %: expected two finite times, the first earlier',
      coalesce(p_from::text, 'null'), coalesce(p_to::text, 'null') using errcode = '22023';
  end if;
  if p_group is null or p_group not in ('grid', 'subdistrict', 'category') then
    raise exception 'unknown grouping %: expected grid, subdistrict or category', coalesce(quote_literal(p_group), 'null')
      using errcode = '22023';
  end if;
  if p_group = 'grid' and not public.is_staff() then
    raise exception 'close rates per grid are for staff; role % may group by subdistrict or category', public.app_role()
      using errcode = '42501';
  end if;
  return query
    with period_cases as (
      select case p_group when 'grid' then t.code when 'subdistrict' then s.code else cs.category_code end as key,
             cs.status, cs.reported_at, cs.due_at, cs.closed_at
      from public.cases cs
      left join public.grids g on g.id = cs.grid_id
      left join public.grids p on p.id = g.parent_id
      -- cases lie in meta-grids; a grid of any level has its top-level grid at most two parents up
      left join public.grids t on t.id = case g.level when 'grid' then g.id when 'micro_grid' then g.parent_id else p.parent_id end
      left join public.subdistricts s on s.id = cs.subdistrict_id
      where cs.reported_at >= p_from and cs.reported_at < p_to and cs.duplicate_of is null),
    groups as (
      select g.code as key, g.name_zh as zh, g.name_en as en from public.grids g
      where p_group = 'grid' and g.level = 'grid' and (public.app_role() <> 'inspector' or public.can_work_grid(g.id))
      union all
      select s.code, s.name_zh, s.name_en from public.subdistricts s where p_group = 'subdistrict'
      union all
      select k.code, k.name_zh, k.name_en from public.case_categories k where p_group = 'category'),
    counted as (
      select gr.key, gr.zh, gr.en,
             count(pc.status)::int as n_reported,
             count(*) filter (where pc.status = 'rejected')::int as n_rejected,
             count(*) filter (where pc.status = 'closed')::int as n_closed,
             count(*) filter (where pc.status = 'closed' and pc.closed_at <= pc.due_at)::int as n_on_time,
             percentile_cont(0.5) within group (order by extract(epoch from pc.closed_at - pc.reported_at) / 3600)
               filter (where pc.status = 'closed') as median_hours
      from groups gr
      left join period_cases pc on pc.key = gr.key
      group by gr.key, gr.zh, gr.en)
    select ct.key, ct.zh, ct.en, ct.n_reported, ct.n_rejected, ct.n_closed,
           ct.n_closed::float8 / nullif(ct.n_reported - ct.n_rejected, 0),
           ct.n_on_time, ct.n_on_time::float8 / nullif(ct.n_closed, 0),
           ct.median_hours::float8
    from counted ct
    order by ct.key;
end $$;

revoke execute on function public.close_rates(timestamptz, timestamptz, text)
  from public, anon, authenticated;
grant execute on function public.close_rates(timestamptz, timestamptz, text)
  to anon, authenticated, service_role;
