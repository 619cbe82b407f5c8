-- PostGIS lives in the `extensions` schema, as on Supabase.
create schema if not exists extensions;
create extension if not exists postgis with schema extensions;

do $$
begin
  execute format('alter database %I set search_path = public, extensions', current_database());
exception when insufficient_privilege then
  raise notice 'search_path not set on the database; roles keep their own';
end $$;
set search_path = public, extensions;

-- Supabase's API roles. On Supabase they exist already; on PGlite and plain
-- PostgreSQL they are created here so the same grants and policies apply.
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end $$;

-- Stand-ins for Supabase's auth.jwt(), auth.uid() and auth.role(), reading the
-- same request.jwt.claims setting PostgREST sets. Never replaces Supabase's own.
create schema if not exists auth;
do $$
begin
  if to_regprocedure('auth.jwt()') is null then
    create function auth.jwt() returns jsonb language sql stable as $f$
      select coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), ''),
        '{}'
      )::jsonb
    $f$;
  end if;
  if to_regprocedure('auth.uid()') is null then
    create function auth.uid() returns uuid language sql stable as $f$
      select nullif(coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        auth.jwt() ->> 'sub'
      ), '')::uuid
    $f$;
  end if;
  if to_regprocedure('auth.role()') is null then
    create function auth.role() returns text language sql stable as $f$
      select coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        auth.jwt() ->> 'role'
      )
    $f$;
  end if;
end $$;

grant usage on schema public, extensions, auth to anon, authenticated, service_role;
