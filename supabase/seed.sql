set search_path = public, extensions;
