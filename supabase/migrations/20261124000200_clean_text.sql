set search_path = public, extensions;

-- Free text as stored: Unicode NFC, CRLF as LF, tabs as spaces, every other
-- control character removed, and blank characters trimmed from both ends —
-- including the ideographic space U+3000 of Chinese input methods, no-break
-- and zero-width spaces. NULL when nothing visible is left.
create function public.clean_text(p_text text) returns text
language sql immutable set search_path = public, extensions as $$
  select nullif(
    regexp_replace(
      regexp_replace(
        normalize(replace(replace(replace(p_text, E'\r\n', E'\n'), E'\r', E'\n'), E'\t', ' '), NFC),
        '[\u0001-\u0008\u000B-\u001F\u007F-\u009F]', '', 'g'),
      '^[\s\u00A0\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]+|[\s\u00A0\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]+$',
      '', 'g'),
    '')
$$;

-- How an error names a row: its code, its case number, or its id.
create function public.row_label(p_table regclass, p_row anyelement) returns text
language plpgsql stable set search_path = public, extensions as $$
declare
  col text;
  value text;
begin
  foreach col in array array['code', 'case_no', 'case_id', 'id'] loop
    if exists (select 1 from pg_attribute a where a.attrelid = p_table and a.attname = col and not a.attisdropped) then
      execute format('select ($1).%I::text', col) into value using p_row;
      if nullif(value, '') is not null then
        return case when col in ('id', 'case_id') then col || ' ' || value else value end;
      end if;
    end if;
  end loop;
  return 'new row';
end $$;

-- Cleans the text columns named in the trigger arguments; a column written
-- as `name?` may be blank (it becomes NULL), any other is refused when blank.
create function public.clean_text_columns() returns trigger
language plpgsql set search_path = public, extensions as $$
declare
  arg text;
  col text;
  raw text;
  cleaned text;
begin
  foreach arg in array tg_argv loop
    col := rtrim(arg, '?');
    execute format('select ($1).%I::text', col) into raw using new;
    continue when raw is null;
    cleaned := public.clean_text(raw);
    if cleaned is null and arg not like '%?' then
      raise exception '% %: % is blank (only spaces or invisible characters)', tg_table_name,
        public.row_label(tg_relid, new), col using errcode = '22023';
    end if;
    if cleaned is distinct from raw then
      new := jsonb_populate_record(new, jsonb_build_object(col, cleaned));
    end if;
  end loop;
  return new;
end $$;

do $$
declare
  spec text[];
begin
  foreach spec slice 1 in array array[
    array['cases', 'description, address?'],
    array['case_reporters', 'contact'],
    array['case_events', 'note?'],
    array['subdistricts', 'name_zh, name_en, district_zh, district_en'],
    array['grids', 'name_zh, name_en, responsible_name'],
    array['case_categories', 'name_zh, name_en'],
    array['fire_stations', 'name_zh, name_en'],
    array['parking_lots', 'name_zh, name_en'],
    array['volunteer_posts', 'name_zh, name_en, team_zh, team_en']]
  loop
    execute format('create trigger %I before insert or update on public.%I
                    for each row execute function public.clean_text_columns(%s)',
                   spec[1] || '_clean_text', spec[1],
                   (select string_agg(quote_literal(btrim(c)), ', ') from unnest(string_to_array(spec[2], ',')) c));
  end loop;
end $$;

-- Phone numbers and resident ID numbers in free text, masked for the public:
-- ID numbers keep their first 3 and last 4 characters, mobiles 3 + 4,
-- landlines their area code; any other run of 7+ digits is masked whole.
-- Case numbers (CG20261123-000042) stay readable.
create function public.mask_personal_numbers(p_text text) returns text
language sql immutable set search_path = public, extensions as $$
  select regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(p_text,
    '(?<![0-9A-Za-z])([1-9][0-9]{2})[0-9]{11}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])', '\1***********\2', 'g'),
    '(?<![0-9A-Za-z])(1[3-9][0-9])[ -]?[0-9]{4}[ -]?([0-9]{4})(?![0-9])', '\1****\2', 'g'),
    '(?<![0-9A-Za-z])(0[1-9][0-9]{1,2})[ -]?[0-9]{7,8}(?![0-9])', '\1-********', 'g'),
    '(?<![0-9A-Za-z-])[2-9][0-9]{3}[ -][0-9]{4}(?![0-9])', '****-****', 'g'),
    '(?<![0-9A-Za-z-])[0-9]{7,}(?![0-9])', '*******', 'g')
$$;
