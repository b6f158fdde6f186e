-- The SLA board (vn.dondoc.app.dashboards.SlaBoard) without a pass over every clock. A clock counts under
-- its case's agency and field; stopped clocks (MET, BREACHED) never change state by themselves, so they are
-- kept as running tallies, while the open ones (RUNNING, PAUSED: a few percent of all clocks) are counted
-- as of the moment of the request, since at risk and overdue depend on it.
-- See docs/adr/0003-sla-board-tallies.md.

-- 1. The case's agency, field and task on the clock, kept true by triggers on the case tables.
alter table sla_clock
    add column case_agency  varchar(32),
    add column case_field   varchar(40),
    -- the task of a task's or an extension request's clock: who co-operates on it sees its clocks
    add column task_id      bigint;

-- What a clock counts under: its case's agency (the feedback item's handling agency, the task's lead agency,
-- the extension request's agency, the initiative's receiving agency) or, when the case names none, the
-- clock's own; the case's field (an extension request: its task's).
-- (Functions of SQL returning a table, so that PostgreSQL inlines them into the statements and triggers that
-- call them instead of planning them again for every clock.)
create function sla_clock_case_keys(p_case_type varchar, p_case_id bigint)
returns table (case_agency varchar, case_field varchar, task_id bigint) language sql stable as $$
  select k.case_agency, k.case_field, k.task_id from (
    select f.handling_agency, f.field, null::bigint from feedback_item f where p_case_type = 'feedback' and f.id = p_case_id
    union all
    select t.lead_agency, t.field, t.id from task t where p_case_type = 'task' and t.id = p_case_id
    union all
    select e.agency, t.field, t.id from extension_request e join task t on t.id = e.task_id
     where p_case_type = 'extension' and e.id = p_case_id
    union all
    select i.receiving_agency, i.category, null from initiative i where p_case_type = 'initiative' and i.id = p_case_id
  ) k (case_agency, case_field, task_id)
$$;

-- A clock's keys: its case's, and its own agency when the case names none (or its row is missing).
create function sla_clock_keys(c sla_clock)
returns table (case_agency varchar, case_field varchar, task_id bigint) language sql stable as $$
  select coalesce(k.case_agency, c.agency), k.case_field, k.task_id
    from (select 1) one left join sla_clock_case_keys(c.case_type, c.case_id) k on true
$$;

create function sla_clock_set_case_keys() returns trigger language plpgsql as $$
begin
  select * into new.case_agency, new.case_field, new.task_id from sla_clock_keys(new);
  return new;
end $$;

create trigger sla_clock_case_keys_on_insert before insert on sla_clock
    for each row execute function sla_clock_set_case_keys();
create trigger sla_clock_case_keys_on_update before update on sla_clock
    for each row when (old.case_type is distinct from new.case_type or old.case_id is distinct from new.case_id
                       or old.agency is distinct from new.agency)
    execute function sla_clock_set_case_keys();

-- A case moved to another agency or field takes its clocks (open and stopped) along.
create function sla_clock_follow_case() returns trigger language plpgsql as $$
begin
  update sla_clock c set (case_agency, case_field, task_id) = (select * from sla_clock_keys(c))
   where (c.case_type = tg_argv[0] and c.case_id = new.id)
      -- a task's field is its extension requests' field
      or (tg_argv[0] = 'task' and c.case_type = 'extension' and c.task_id = new.id);
  return null;
end $$;

-- On each case table, the two columns a clock's agency and field (for an extension request: its task) come from.
do $$
declare
  t record;
begin
  for t in select * from (values ('feedback_item', 'feedback', 'handling_agency', 'field'),
                                 ('task', 'task', 'lead_agency', 'field'),
                                 ('extension_request', 'extension', 'agency', 'task_id'),
                                 ('initiative', 'initiative', 'receiving_agency', 'category')) v (tab, case_type, a, b)
  loop
    execute format('create trigger sla_clock_follow_%2$s after update of %3$I, %4$I on %1$I for each row'
                   ' when (old.%3$I is distinct from new.%3$I or old.%4$I is distinct from new.%4$I)'
                   ' execute function sla_clock_follow_case(%2$L)', t.tab, t.case_type, t.a, t.b);
  end loop;
end $$;

update sla_clock c set (case_agency, case_field, task_id) = (select * from sla_clock_keys(c));

create index sla_clock_case_ref_idx on sla_clock (case_id, case_type);
create index sla_clock_task_idx on sla_clock (task_id) where task_id is not null;
-- the open clocks, counted by the board as of its request without reading the table
create index sla_clock_open_board_idx on sla_clock (case_type, case_agency, case_field)
    include (state, warn_at, due_at, breached_at) where state in ('RUNNING', 'PAUSED');

-- 2. Tallies of the stopped clocks, per agency that sees them (viewer): the case's agency and, for a task's
-- or an extension request's clock, each agency co-operating on the task. The unrestricted board adds up the
-- rows whose viewer is the case's agency (each clock once); an agency's board the rows it is the viewer of.
-- Nulls are values here (a clock with no agency or field), hence nulls not distinct.
create table sla_clock_tally (
    viewer       varchar(32),
    case_type    varchar(20) not null,
    case_agency  varchar(32),
    case_field   varchar(40),
    state        varchar(10) not null check (state in ('MET', 'BREACHED')),
    clocks       bigint      not null,
    unique nulls not distinct (viewer, case_type, case_agency, case_field, state)
);

-- Per day (Hanoi) the stopped clocks breached that day (B: a BREACHED clock at coalesce(breached_at, due_at),
-- a MET one at its breached_at if it has one) and met that day (M: stopped_at of a MET clock), for the trend.
create table sla_clock_day_tally (
    day          date        not null,
    kind         char(1)     not null check (kind in ('B', 'M')),
    viewer       varchar(32),
    case_type    varchar(20) not null,
    case_agency  varchar(32),
    case_field   varchar(40),
    clocks       bigint      not null,
    unique nulls not distinct (day, kind, viewer, case_type, case_agency, case_field)
);

-- The agencies that see a clock, each once.
create function sla_clock_viewers(c sla_clock) returns varchar[] language sql stable as $$
  select array(select c.case_agency
               union
               select tc.agency_code from task_cooperation tc where c.case_type in ('task', 'extension') and tc.task_id = c.task_id)
$$;

-- A stopped clock's days (none for an open one).
create function sla_clock_days(c sla_clock)
returns table (day date, kind char(1)) language sql stable as $$
  select (coalesce(c.breached_at, c.due_at) at time zone 'Asia/Ho_Chi_Minh')::date, 'B' where c.state = 'BREACHED'
  union all
  select (c.breached_at at time zone 'Asia/Ho_Chi_Minh')::date, 'B' where c.state = 'MET' and c.breached_at is not null
  union all
  select (c.stopped_at at time zone 'Asia/Ho_Chi_Minh')::date, 'M' where c.state = 'MET' and c.stopped_at is not null
$$;

-- Adds delta to a stopped clock's tallies as these viewers see it.
create function sla_clock_count(c sla_clock, viewers varchar[], delta integer) returns void language plpgsql as $$
begin
  if c.state not in ('MET', 'BREACHED') then
    return;
  end if;
  insert into sla_clock_tally as t (viewer, case_type, case_agency, case_field, state, clocks)
  select v.viewer, c.case_type, c.case_agency, c.case_field, c.state, delta from unnest(viewers) v (viewer)
  on conflict (viewer, case_type, case_agency, case_field, state) do update set clocks = t.clocks + excluded.clocks;
  insert into sla_clock_day_tally as t (day, kind, viewer, case_type, case_agency, case_field, clocks)
  select d.day, d.kind, v.viewer, c.case_type, c.case_agency, c.case_field, delta
    from unnest(viewers) v (viewer) cross join sla_clock_days(c) d
  on conflict (day, kind, viewer, case_type, case_agency, case_field) do update set clocks = t.clocks + excluded.clocks;
end $$;

create function sla_clock_tally_change() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform sla_clock_count(old, sla_clock_viewers(old), -1);
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    perform sla_clock_count(new, sla_clock_viewers(new), 1);
  end if;
  return null;
end $$;

create trigger sla_clock_tally_on_insert after insert on sla_clock
    for each row when (new.state in ('MET', 'BREACHED')) execute function sla_clock_tally_change();
-- Open clocks change often (escalations, pauses) and are not tallied: only updates touching a stopped clock.
create trigger sla_clock_tally_on_update after update on sla_clock
    for each row when (old.state in ('MET', 'BREACHED') or new.state in ('MET', 'BREACHED'))
    execute function sla_clock_tally_change();
create trigger sla_clock_tally_on_delete after delete on sla_clock
    for each row when (old.state in ('MET', 'BREACHED')) execute function sla_clock_tally_change();

-- An agency starting or ending its co-operation on a task starts or stops seeing the task's stopped clocks
-- (unless it leads the case, which it sees anyway).
create function sla_clock_cooperation_change() returns trigger language plpgsql as $$
declare
  c sla_clock;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    for c in select * from sla_clock k where k.task_id = old.task_id and k.case_type in ('task', 'extension')
               and k.state in ('MET', 'BREACHED') and k.case_agency is distinct from old.agency_code loop
      perform sla_clock_count(c, array[old.agency_code], -1);
    end loop;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    for c in select * from sla_clock k where k.task_id = new.task_id and k.case_type in ('task', 'extension')
               and k.state in ('MET', 'BREACHED') and k.case_agency is distinct from new.agency_code loop
      perform sla_clock_count(c, array[new.agency_code], 1);
    end loop;
  end if;
  return null;
end $$;

create trigger sla_clock_tally_on_cooperation after insert or update or delete on task_cooperation
    for each row execute function sla_clock_cooperation_change();

-- Both tallies counted again from sla_clock: the backfill below, and after a bulk load that ran with the tally
-- triggers disabled (one statement changing a tally row thousands of times is slow: every change is a new row
-- version the next one has to step over). Writers of sla_clock and task_cooperation wait until the calling
-- transaction ends.
create function sla_clock_tallies_rebuild() returns void language sql as $$
  lock table sla_clock, task_cooperation in share mode;
  delete from sla_clock_tally;
  delete from sla_clock_day_tally;
  insert into sla_clock_tally (viewer, case_type, case_agency, case_field, state, clocks)
  select v.viewer, c.case_type, c.case_agency, c.case_field, c.state, count(*)
    from sla_clock c cross join lateral unnest(sla_clock_viewers(c)) v (viewer)
   where c.state in ('MET', 'BREACHED')
   group by 1, 2, 3, 4, 5;
  insert into sla_clock_day_tally (day, kind, viewer, case_type, case_agency, case_field, clocks)
  select d.day, d.kind, v.viewer, c.case_type, c.case_agency, c.case_field, count(*)
    from sla_clock c cross join lateral unnest(sla_clock_viewers(c)) v (viewer) cross join lateral sla_clock_days(c) d
   where c.state in ('MET', 'BREACHED')
   group by 1, 2, 3, 4, 5, 6;
$$;

select sla_clock_tallies_rebuild();
