-- Fills an empty, migrated Dondoc database with the cases and SLA clocks of :cases cases (bench/sla-board),
-- in the proportions of CaseGenerator: feedback 55 %, tasks 25 % (their evidence reviews, 10 % of the
-- cases, are REVIEW clocks of the task), extension requests 5 %, initiatives 5 %. Created over the last
-- two years; a case is open if created in the last 30 days. Closed cases' clocks are stopped, 85 % met;
-- an open case's current clock runs (at risk or overdue depending on its instants) or, for feedback
-- waiting for the sender, is paused. Agencies drawn with weights about 1/rank^0.8 as CaseGenerator.
-- Deterministic (setseed).

select setseed(0.57);

create temporary table bench_reference as
  select (select array_agg(code order by code) from agency) as agencies,
         (select array_agg(code order by code) from locality) as localities;

-- an agency by a skewed draw: the first agencies far more often; a locality evenly
create function pg_temp.agency(r double precision) returns varchar language sql stable as $$
  select agencies[1 + floor(cardinality(agencies) * power(r, 2.2))::int] from bench_reference $$;
create function pg_temp.locality(r double precision) returns varchar language sql stable as $$
  select localities[1 + floor(cardinality(localities) * r)::int] from bench_reference $$;

-- feedback ---------------------------------------------------------------------------------------------
insert into feedback_item (code, type, field, locality, title, content, contact_name, status, handling_agency,
    submitted_at, updated_at, version)
select 'PA-B-' || i, 'complaint',
       (array['institutions', 'support-policy', 'administrative-procedures', 'digital-infrastructure',
              'data-governance', 'information-security', 'digital-skills'])[1 + floor(random() * 7)::int],
       pg_temp.locality(random() + 0 * i),
       'Phản ánh ' || i, 'Nội dung phản ánh ' || i, 'Người gửi',
       case when s.at > now() - interval '30 days' then 'IN_PROGRESS' else 'ANSWERED' end,
       pg_temp.agency(random() + 0 * i), s.at, s.at, 1
from generate_series(1, round(:cases * 0.55)::int) i
cross join lateral (select now() - random() * interval '730 days' + 0 * i * interval '1 s' as at) s;

-- tasks and who co-operates on them -------------------------------------------------------------------
insert into task (case_code, task_code, field, content, recurring, reports_monthly, lead_agency, original_deadline,
    current_deadline, evidence_level, status, created_by, created_at, updated_at)
select 'NV-B-' || i, 'B/' || i,
       (array['DIRECTION', 'INSTITUTIONS', 'HUMAN_RESOURCES', 'FINANCE', 'DIGITAL_INFRASTRUCTURE', 'ONLINE_SERVICES',
              'PLATFORMS', 'DATABASES', 'INFORMATION_SECURITY', 'DIGITAL_TRANSFORMATION', 'SCIENCE_TECHNOLOGY',
              'INTERNATIONAL'])[1 + floor(random() * 12)::int],
       'Nhiệm vụ ' || i, false, false, pg_temp.agency(random() + 0 * i), s.deadline, s.deadline, 'L1',
       s.status, 'bench', s.at, s.at
from generate_series(1, round(:cases * 0.25)::int) i
-- a deadline 1 to 12 months after the task was given; a task of the last 30 days not yet acknowledged, else 85 %
-- completed (mostly by the deadline, some up to a month late), the rest still in progress (overdue once past it)
cross join lateral (select now() - random() * interval '730 days' + 0 * i * interval '1 s' as at,
                           random() + 0 * i as x) g
cross join lateral (select g.at, (g.at + (30 + floor(random() * 335)) * interval '1 day')::date as deadline,
                           case when g.at > now() - interval '30 days' then 'ASSIGNED'
                                when g.x < 0.85 then 'COMPLETED' else 'IN_PROGRESS' end as status) s;

update task set completed_on = least(current_date,
    greatest(created_at::date + 1, original_deadline + (floor(random() * 40) - 30)::int))
where created_by = 'bench' and status = 'COMPLETED';

insert into task_cooperation (task_id, agency_code)
select distinct t.id, pg_temp.agency(random() + 0 * t.id) from task t cross join generate_series(1, 2) k
where t.created_by = 'bench' and random() < 0.2
on conflict do nothing;

-- extension requests and initiatives --------------------------------------------------------------------
insert into extension_request (case_code, task_id, requested_by, agency, current_deadline, proposed_deadline,
    reason_code, narrative, late, status, requested_at)
select 'GH-B-' || e.n, t.id, 'bench', t.lead_agency, current_date + 90, current_date + 180, 'OTHER', 'Gia hạn',
       false, case when t.created_at > now() - interval '30 days' then 'SUBMITTED' else 'APPROVED' end, t.created_at
from (select row_number() over (order by random()) as n, id from task where created_by = 'bench') e
join task t on t.id = e.id
where e.n <= round(:cases * 0.05)::int;

insert into initiative (case_code, status, category, title, proposer, receiving_agency, submitted_at)
select 'SK-B-' || i, case when s.at > now() - interval '30 days' then 'SUBMITTED' else 'SELECTED' end,
       (array['DIRECTION', 'INSTITUTIONS', 'PLATFORMS', 'DATABASES', 'BREAKTHROUGH'])[1 + floor(random() * 5)::int],
       'Sáng kiến ' || i, 'bench', pg_temp.agency(random() + 0 * i), s.at
from generate_series(1, round(:cases * 0.05)::int) i
cross join lateral (select now() - random() * interval '730 days' + 0 * i * interval '1 s' as at) s;

-- SLA clocks ------------------------------------------------------------------------------------------
-- (case type, case id, code, stage, agency, started, open): one row per clock
create temporary table bench_clock as
  select 'feedback'::varchar as case_type, f.id as case_id, f.code as case_code, st.stage, f.handling_agency as agency,
         f.submitted_at + st.k * interval '2 days' as started_at, f.status = 'IN_PROGRESS' and st.stage = 'ANSWER' as open,
         st.budget
  from feedback_item f cross join (values (0, 'ROUTE', 1), (1, 'ACCEPT', 2), (2, 'ANSWER', 10)) st(k, stage, budget)
  where f.code like 'PA-B-%'
  union all
  select 'task', t.id, t.case_code, 'ACKNOWLEDGE', t.lead_agency, t.created_at, t.status = 'ASSIGNED', 3
  from task t where t.created_by = 'bench'
  union all
  select 'task', t.id, t.case_code, 'REVIEW', t.lead_agency, t.created_at + interval '20 days', false, 10
  from (select row_number() over (order by random()) as n, * from task where created_by = 'bench') t
  where t.n <= round(:cases * 0.10)::int
  union all
  select 'extension', e.id, e.case_code, 'DECIDE', e.agency, e.requested_at, e.status = 'SUBMITTED', 5
  from extension_request e where e.requested_by = 'bench'
  union all
  select 'initiative', i.id, i.case_code, 'SCREEN', i.receiving_agency, i.submitted_at, i.status = 'SUBMITTED', 10
  from initiative i where i.proposer = 'bench';

-- budgets in calendar days for simplicity (7 per 5 working days); open clocks started within 30 days.
-- One statement writing a million stopped clocks through the tally triggers would change each tally row
-- thousands of times in one transaction (slow, see V13): the tallies are counted once afterwards instead, as
-- the migration counts existing clocks. The triggers keeping each clock's case agency and field run.
alter table sla_clock disable trigger sla_clock_tally_on_insert;
insert into sla_clock (case_type, case_id, case_code, process_instance_id, stage, state, budget_working_days,
    started_at, due_at, warn_at, supervisor_at, paused_at, stopped_at, breached_at, escalation_level, agency)
select c.case_type, c.case_id, c.case_code, 'bench-' || c.case_type || '-' || c.case_id || '-' || c.stage, c.stage,
       case when c.open and c.case_type = 'feedback' and r.x < 0.05 then 'PAUSED'
            when c.open then 'RUNNING'
            when r.x < 0.85 then 'MET' else 'BREACHED' end,
       c.budget, c.started_at, d.due, d.due - (d.due - c.started_at) / 4, d.due + interval '2 days',
       case when c.open and c.case_type = 'feedback' and r.x < 0.05 then c.started_at + interval '1 day' end,
       case when not c.open then
         case when r.x < 0.85 then c.started_at + (d.due - c.started_at) * r.y else d.due + interval '1 day' * r.y * 5 end end,
       case when not c.open and r.x >= 0.85 then d.due when c.open and d.due <= now() then d.due end,
       case when not c.open and r.x >= 0.85 then 2 when c.open and d.due <= now() then 2 else 0 end,
       c.agency
from bench_clock c
cross join lateral (select random() + 0 * c.case_id as x, random() + 0 * c.case_id as y) r
cross join lateral (select c.started_at + c.budget * interval '1.4 days' as due) d
-- in the order stages start, as the app writes them: the open clocks are the newest rows, not spread thin over
-- the whole table
order by c.started_at;
alter table sla_clock enable trigger sla_clock_tally_on_insert;
select sla_clock_tallies_rebuild();

-- what autovacuum does after a load like this one: statistics, and the visibility map the index-only scans use
vacuum analyze feedback_item;
vacuum analyze task;
vacuum analyze task_cooperation;
vacuum analyze extension_request;
vacuum analyze initiative;
vacuum analyze sla_clock;
vacuum analyze sla_clock_tally;
vacuum analyze sla_clock_day_tally;

select case_type, state, count(*) from sla_clock group by 1, 2 order by 1, 2;
