-- SLA clocks of process stages (routing, acceptance, answer, ...), reckoned in working days of the
-- working calendar (calendar_day). See vn.dondoc.app.sla.SlaClockService.

-- Budgets per case type and stage. The source of truth; admins edit it through
-- /api/v1/admin/sla-policies. A clock copies what it needs when it starts, so an edit applies to the
-- clocks started after it.
create table sla_policy (
    case_type                      varchar(20)  not null,
    stage                          varchar(20)  not null,
    budget_working_days            integer      not null check (budget_working_days > 0),
    -- the warning comes when this share of the budget's working time is used
    warn_share                     numeric(3,2) not null default 0.75 check (warn_share > 0 and warn_share < 1),
    -- an overdue stage still open this many working days after its due instant goes to a supervisor
    supervisor_delay_working_days  integer      not null default 2 check (supervisor_delay_working_days >= 0),
    primary key (case_type, stage)
);

insert into sla_policy (case_type, stage, budget_working_days) values
    ('feedback', 'ROUTE', 1),
    ('feedback', 'ACCEPT', 2),
    ('feedback', 'ANSWER', 10);

-- One clock per process instance and stage. Leaving the stage stops it (MET or BREACHED); coming
-- back to the stage resumes it with the working time it had left: it is never reset.
create table sla_clock (
    id                   bigserial    primary key,
    case_type            varchar(20)  not null,
    case_id              bigint,
    case_code            varchar(32)  not null,
    process_instance_id  varchar(64)  not null,
    stage                varchar(20)  not null,
    state                varchar(10)  not null check (state in ('RUNNING', 'PAUSED', 'MET', 'BREACHED')),
    budget_working_days  integer      not null,
    started_at           timestamptz  not null,
    -- the instants the stage's timers fire at; moved by pauses and by coming back to the stage
    due_at               timestamptz  not null,
    warn_at              timestamptz  not null,
    supervisor_at        timestamptz  not null,
    paused_at            timestamptz,
    -- total working time spent paused
    paused_working_ms    bigint       not null default 0,
    stopped_at           timestamptz,
    breached_at          timestamptz,
    -- 0 none, 1 warned, 2 leader notified, 3 supervisor task; only ever raised, each level once
    escalation_level     smallint     not null default 0 check (escalation_level between 0 and 3),
    agency               varchar(32),
    unique (process_instance_id, stage)
);

create index sla_clock_open_due_idx on sla_clock (due_at) where state in ('RUNNING', 'PAUSED');
create index sla_clock_case_idx on sla_clock (case_code);
