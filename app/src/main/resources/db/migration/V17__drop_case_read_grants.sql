-- Staff and experts no longer reach Camunda's API or webapps (docs/OPERATIONS.md, "The engine: who reaches it"),
-- so the per-case read grants once made for Tasklist (an agency's group or an expert on a process instance,
-- resource type 8) go. Camunda's tables live in schema public and may not exist yet on a fresh database.
do $$
begin
  if to_regclass('public.act_ru_authorization') is not null then
    delete from public.act_ru_authorization
    where resource_type_ = 8 and resource_id_ <> '*' and (group_id_ like 'agencies/%' or user_id_ is not null);
  end if;
end $$;
