set search_path = public, extensions;

-- Reading every case in pages by primary key: PostgREST answers at most
-- max_rows rows a request (1000 on Supabase by default), so a client that
-- needs them all walks the ids, newest first, instead of trusting one capped
-- answer.
create function public.cases_page(p_before_id int default null, p_limit int default 1000)
returns table (id int, case_no text, category_code text, source text, status text,
               lon float8, lat float8, grid_id int, reported_at timestamptz, due_at timestamptz,
               closed_at timestamptz)
language sql stable set search_path = public, extensions as $$
  select c.id, c.case_no, c.category_code, c.source::text, c.status::text,
         ST_X(c.geom), ST_Y(c.geom), c.grid_id, c.reported_at, c.due_at, c.closed_at
  from public.cases c
  where p_before_id is null or c.id < p_before_id
  order by c.id desc
  limit least(greatest(p_limit, 0), 100000)
$$;

-- What a client showing a saved view must re-read to catch up: the cases
-- changed after p_since, and the database's clock to pass next time (the
-- client's own clock may be wrong).
create index cases_updated_at_idx on public.cases (updated_at);

create function public.cases_changed_since(p_since timestamptz)
returns table (ids int[], checked_at timestamptz)
language sql stable set search_path = public, extensions as $$
  select coalesce(array_agg(c.id order by c.id), '{}'), now()
  from public.cases c
  where c.updated_at > p_since
$$;

revoke execute on function public.cases_page(int, int) from public;
revoke execute on function public.cases_changed_since(timestamptz) from public;
grant execute on function public.cases_page(int, int) to anon, authenticated, service_role;
grant execute on function public.cases_changed_since(timestamptz) to anon, authenticated, service_role;
