set search_path = public, extensions;

-- The grids the caller works, by the same rule the moves are decided by
-- (can_work_grid): an inspector's assigned grids and everything inside them.
-- Commanders and admins work every grid, and the public none: for them the
-- answer is empty and `everywhere` says which.
create function public.my_grids()
returns table (grid_id int, everywhere boolean)
language sql stable security definer set search_path = public, extensions as $$
  select g.id, false from public.grids g
  where public.app_role() = 'inspector' and public.can_work_grid(g.id)
  union all
  select null, true where public.app_role() in ('commander', 'admin', 'service')
$$;

revoke execute on function public.my_grids() from public;
grant execute on function public.my_grids() to anon, authenticated, service_role;
