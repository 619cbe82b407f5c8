-- The dashboard's close rates and the wall's KPIs sort a month of cases
-- (medians, counts per group). With the default 4 MB of work memory that
-- sort spills to temporary files: at 100k cases 9 MB (close rates) and 7 MB
-- written, 21 MB read back (the wall's KPIs, today and yesterday), on every
-- read. In the browser the embedded database writes those files through
-- the Origin Private File System, while the same single worker is due to
-- apply the next live changes. 32 MB keeps them in memory, for these
-- functions only.
alter function public.close_rates(timestamptz, timestamptz, text) set work_mem = '32MB';
alter function public.wall_kpis(text[], numeric, timestamptz) set work_mem = '32MB';
