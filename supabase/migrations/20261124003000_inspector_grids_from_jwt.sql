set search_path = public, extensions;

-- The grid codes the caller's JWT assigns (app_metadata.inspector_grids), so
-- staff managed in Supabase Auth need no rows in inspector_grids. Anything but
-- an array counts as no grids rather than an error: a bad claim must not break
-- every policy that asks.
create function public.jwt_inspector_grids() returns text[]
language sql stable set search_path = public, extensions as $$
  select case when jsonb_typeof(auth.jwt() -> 'app_metadata' -> 'inspector_grids') = 'array'
    then array(select jsonb_array_elements_text(auth.jwt() -> 'app_metadata' -> 'inspector_grids'))
    else '{}'::text[]
  end
$$;

-- Commanders and admins work every grid; an inspector works the grids assigned
-- to them, in inspector_grids or in their JWT, and everything inside those.
create or replace function public.can_work_grid(p_grid_id int) returns boolean
language sql stable security definer set search_path = public, extensions as $$
  select case public.app_role()
    when 'commander' then true
    when 'admin' then true
    when 'service' then true
    when 'inspector' then exists (
      select 1
      from public.grids g
      left join public.grids p on p.id = g.parent_id
      left join public.grids pp on pp.id = p.parent_id
      where g.id = p_grid_id
        and (array[g.code, p.code, pp.code] && public.jwt_inspector_grids()
             or exists (select 1 from public.inspector_grids ig
                        where ig.grid_id in (g.id, p.id, pp.id) and ig.user_id = auth.uid())))
    else false
  end
$$;

-- An internal helper: can_work_grid (security definer) calls it as its owner.
revoke execute on function public.jwt_inspector_grids() from public, anon, authenticated;
grant execute on function public.jwt_inspector_grids() to service_role;
