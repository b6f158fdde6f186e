-- The engine's side of the open cases bench/sla-board.sql wrote (bench/staff-pages): for every open case, the
-- process instance and the user task waiting in it, as the engine's tables hold them, so that "Việc của tôi"
-- and the task queries of the staff pages read as many open tasks as a real programme of that size has:
--   feedback IN_PROGRESS: DraftAnswer for agencies/<handling agency> (with the title and agency variables);
--   task ASSIGNED: AcknowledgeTask for agencies/<lead agency>;
--   extension SUBMITTED: DecideExtension, initiative SUBMITTED: ScreenInitiative, both for standing-office.
-- One execution per instance (the process instance itself), one task, its candidate group and the variables
-- MyWork reads. Written behind the engine's back (ids 'bench-…'): no job, no history; the job executor is off.

create temporary table bench_open as
  select 'feedback-handling'::varchar as process_key, f.code as case_code, 'DraftAnswer'::varchar as task_key,
         'Xử lý, dự thảo trả lời'::varchar as task_name, 'agencies/' || f.handling_agency as candidate_group,
         f.title, f.handling_agency as agency, 'handlingAgency'::varchar as agency_variable, f.submitted_at as created,
         f.submitted_at + interval '14 days' as due
  from feedback_item f where f.code like 'PA-B-%' and f.status = 'IN_PROGRESS'
  union all
  select 'task-lifecycle', t.case_code, 'AcknowledgeTask', 'Tiếp nhận nhiệm vụ', 'agencies/' || t.lead_agency, t.content,
         t.lead_agency, 'leadAgency', t.created_at, t.created_at + interval '4 days'
  from task t where t.created_by = 'bench' and t.status = 'ASSIGNED'
  union all
  select 'deadline-extension', e.case_code, 'DecideExtension', 'Quyết định gia hạn', 'standing-office', e.narrative,
         e.agency, 'leadAgency', e.requested_at, e.requested_at + interval '7 days'
  from extension_request e where e.requested_by = 'bench' and e.status = 'SUBMITTED'
  union all
  select 'initiative-selection', i.case_code, 'ScreenInitiative', 'Sàng lọc hồ sơ sáng kiến', 'standing-office', i.title,
         null, null, i.submitted_at, i.submitted_at + interval '14 days'
  from initiative i where i.proposer = 'bench' and i.status = 'SUBMITTED';

create temporary table bench_instance as
  select 'bench-pi-' || o.case_code as instance_id, 'bench-task-' || o.case_code as task_id, o.*,
         (select id_ from act_re_procdef d where d.key_ = o.process_key order by d.version_ desc limit 1) as definition_id
  from bench_open o;

insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_, act_id_,
    is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_, sequence_counter_,
    proc_def_key_)
select instance_id, 1, instance_id, instance_id, case_code, definition_id, task_key, false, false, true, false, 1, 2, 1,
       process_key
from bench_instance;

insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_, priority_,
    create_time_, last_updated_, due_date_, suspension_state_, task_state_)
select task_id, 1, instance_id, instance_id, definition_id, task_name, task_key, 50, created, created, due, 1, 'Created'
from bench_instance;

insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
select 'bench-link-' || case_code, 1, candidate_group, 'candidate', task_id from bench_instance;

insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, text_, var_scope_,
    sequence_counter_, is_concurrent_local_)
select 'bench-var-title-' || case_code, 1, 'string', 'title', instance_id, instance_id, definition_id, left(title, 4000),
       instance_id, 1, false
from bench_instance
union all
select 'bench-var-agency-' || case_code, 1, 'string', agency_variable, instance_id, instance_id, definition_id, agency,
       instance_id, 1, false
from bench_instance where agency_variable is not null;

update feedback_item f set process_instance_id = 'bench-pi-' || f.code from bench_instance b where b.case_code = f.code;
update task t set process_instance_id = 'bench-pi-' || t.case_code from bench_instance b where b.case_code = t.case_code;

-- the audit trail a case page shows: three events a case (submitted or issued, two steps), in time order
insert into audit_event (case_code, action, actor, detail, occurred_at)
select c.code, a.action, 'bench', '{}'::jsonb, c.at + a.k * interval '1 day'
from (select code, submitted_at as at from feedback_item where code like 'PA-B-%'
      union all select case_code, created_at from task where created_by = 'bench'
      union all select case_code, requested_at from extension_request where requested_by = 'bench'
      union all select case_code, submitted_at from initiative where proposer = 'bench') c
cross join (values (0, 'SUBMITTED'), (1, 'CLASSIFIED'), (2, 'HANDLING_STARTED')) a(k, action)
order by 5;

vacuum analyze act_ru_execution;
vacuum analyze act_ru_task;
vacuum analyze act_ru_identitylink;
vacuum analyze act_ru_variable;
vacuum analyze feedback_item;
vacuum analyze task;
vacuum analyze audit_event;

select process_key, candidate_group like 'agencies/%' as agency_group, count(*) from bench_instance group by 1, 2 order by 1, 2;
