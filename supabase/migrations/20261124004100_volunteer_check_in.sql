set search_path = public, extensions;

-- Volunteers checking in at a post (p_change > 0) or out of it (< 0), from the
-- duty app (service role) or a commander. The post's row is locked, so check-ins
-- at the same moment add up; the count stays between zero and the plan.
create function public.check_in_volunteers(p_post_id int, p_change int)
returns table (post_id int, on_duty int, planned int)
language plpgsql security definer set search_path = public, extensions as $$
declare
  post public.volunteer_posts;
begin
  if public.app_role() not in ('service', 'commander', 'admin') then
    raise exception 'role % may not check volunteers in or out', public.app_role() using errcode = '42501';
  end if;
  if p_change is null or p_change = 0 or abs(p_change) > 100 then
    raise exception 'a check-in changes the people on duty by 1 to 100 either way (got %)', coalesce(p_change::text, 'null')
      using errcode = '22023';
  end if;
  select * into post from public.volunteer_posts v where v.id = p_post_id for update;
  if post.id is null then
    raise exception 'unknown volunteer post %', coalesce(p_post_id::text, 'null') using errcode = 'P0002';
  end if;
  if post.on_duty + p_change not between 0 and post.planned then
    raise exception 'volunteer post %: % on duty of % planned, so % cannot check %', post.code, post.on_duty, post.planned,
      abs(p_change), case when p_change > 0 then 'in' else 'out' end using errcode = '22023';
  end if;
  return query
    update public.volunteer_posts v set on_duty = v.on_duty + p_change, updated_at = now()
    where v.id = post.id
    returning v.id, v.on_duty, v.planned;
end $$;

revoke execute on function public.check_in_volunteers(int, int) from public, anon;
grant execute on function public.check_in_volunteers(int, int) to authenticated, service_role;
