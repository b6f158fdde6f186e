-- Directives, the tasks they assign, deadline versions, extension requests, evidence and progress
-- reports (DOMAIN.md §2.0–2.3). Timeliness is computed (vn.dondoc.app.tasks.Timeliness), never stored.

create table directive (
    id           bigserial    primary key,
    -- instrument type, e.g. CONCLUSION_NOTICE (Thông báo kết luận); see vn.dondoc.app.directives.DirectiveType
    type         varchar(30)  not null,
    -- number/symbol as written, e.g. 17-TB/CQTTBCĐ
    symbol       varchar(60)  not null unique,
    issued_on    date         not null,
    issuer       varchar(200) not null,
    title        text         not null,
    created_by   varchar(100),
    created_at   timestamptz  not null default now()
);

create table task (
    id                      bigserial    primary key,
    -- the case code people search for, NV-2026-000045
    case_code               varchar(32)  not null unique,
    -- where it sits in its directive, e.g. 17-TB/CQTTBCĐ/1.b.(1); unique across directives
    task_code               varchar(120) not null unique,
    directive_id            bigint       references directive (id),
    -- a task the standing office made of a feedback item (PAKN); the feedback row links back
    source_feedback_id      bigint       references feedback_item (id),
    section                 varchar(200),
    field                   varchar(30)  not null,
    content                 text         not null,
    recurring               boolean      not null,
    reports_monthly         boolean      not null,
    lead_agency             varchar(32)  not null references agency (code),
    deadline_text           varchar(200),
    -- the deadline as first assigned: on-time statistics use it, whatever extensions follow
    original_deadline       date,
    -- the deadline in force (the latest approved extension), shown beside the original one
    current_deadline        date,
    expected_product        text,
    evidence_level          varchar(2)   not null check (evidence_level in ('L1', 'L2', 'L3', 'L4')),
    status                  varchar(25)  not null check (status in
                                ('ASSIGNED', 'IN_PROGRESS', 'COMPLETION_SUBMITTED', 'COMPLETED', 'WITHDRAWN')),
    acknowledged_at         timestamptz,
    -- when the evidence that was accepted had been submitted, and when it was accepted
    completion_reported_at  timestamptz,
    completion_verified_at  timestamptz,
    -- the date timeliness reckons with (dondoc.tasks.completion-date: REPORTED or VERIFIED)
    completed_on            date,
    missed_reports          integer      not null default 0,
    process_instance_id     varchar(64),
    created_by              varchar(100),
    created_at              timestamptz  not null default now(),
    updated_at              timestamptz  not null default now(),
    -- every change bumps it; orders the search projection's writes
    version                 bigint       not null default 1,
    check (recurring = (original_deadline is null)),
    check ((original_deadline is null) = (current_deadline is null))
);

create index task_directive_idx on task (directive_id);
create index task_lead_idx on task (lead_agency);
create index task_open_deadline_idx on task (current_deadline) where status not in ('COMPLETED', 'WITHDRAWN');

create table task_cooperation (
    task_id      bigint      not null references task (id) on delete cascade,
    agency_code  varchar(32) not null references agency (code),
    primary key (task_id, agency_code)
);

create index task_cooperation_agency_idx on task_cooperation (agency_code);

alter table feedback_item add column task_id bigint references task (id);

-- Every deadline a task has had: version 1 is the original; each approved extension adds one.
create table task_deadline_version (
    task_id       bigint      not null references task (id) on delete cascade,
    version       integer     not null,
    deadline      date        not null,
    extension_id  bigint,
    recorded_by   varchar(100),
    recorded_at   timestamptz not null default now(),
    primary key (task_id, version)
);

create table extension_request (
    id                   bigserial    primary key,
    case_code            varchar(32)  not null unique,
    task_id              bigint       not null references task (id),
    requested_by         varchar(100) not null,
    agency               varchar(32)  not null references agency (code),
    current_deadline     date         not null,
    proposed_deadline    date         not null,
    reason_code          varchar(30)  not null,
    narrative            text         not null,
    -- committed roadmap: [{"date": "2026-05-31", "milestone": "..."}]
    milestones           jsonb        not null default '[]'::jsonb,
    -- requested after the deadline in force had passed; the overdue history stays
    late                 boolean      not null,
    status               varchar(20)  not null check (status in ('SUBMITTED', 'INFO_REQUESTED', 'APPROVED', 'REJECTED')),
    approved_deadline    date,
    decision_note        text,
    decided_by           varchar(100),
    decided_at           timestamptz,
    process_instance_id  varchar(64),
    requested_at         timestamptz  not null default now()
);

create index extension_request_task_idx on extension_request (task_id);

alter table task_deadline_version
    add constraint task_deadline_version_extension_fk foreign key (extension_id) references extension_request (id);

-- One completion report with its evidence; reviewed as a whole.
create table evidence_submission (
    id              bigserial    primary key,
    task_id         bigint       not null references task (id),
    submitted_by    varchar(100) not null,
    agency          varchar(32)  not null references agency (code),
    summary         text         not null,
    status          varchar(20)  not null check (status in ('SUBMITTED', 'ACCEPTED', 'RETURNED', 'REJECTED')),
    review_note     text,
    reviewed_by     varchar(100),
    verifier_agency varchar(32)  references agency (code),
    verify_note     text,
    verified_by     varchar(100),
    decided_at      timestamptz,
    submitted_at    timestamptz  not null default now()
);

create index evidence_submission_task_idx on evidence_submission (task_id, submitted_at);

create table evidence_item (
    id              bigserial    primary key,
    submission_id   bigint       not null references evidence_submission (id) on delete cascade,
    -- ISSUED_DOCUMENT, SYSTEM_IN_USE, USAGE_FIGURES, OTHER (vn.dondoc.app.evidence.EvidenceKind)
    kind            varchar(20)  not null,
    -- the level it shows (L1 document … L4 measured value)
    level           varchar(2)   not null check (level in ('L1', 'L2', 'L3', 'L4')),
    description     text         not null,
    document_number varchar(80),
    document_date   date,
    system_url      varchar(500),
    go_live_date    date,
    figure_name     varchar(200),
    figure_value    numeric,
    figure_unit     varchar(40),
    -- the file showing it, attached to the submission (attachment.owner_type 'evidence')
    attachment_id   uuid         references attachment (id)
);

create table progress_report (
    id            bigserial    primary key,
    task_id       bigint       not null references task (id),
    -- yyyy-MM
    period        char(7)      not null,
    percent       integer      check (percent between 0 and 100),
    text          text         not null,
    submitted_by  varchar(100) not null,
    submitted_at  timestamptz  not null default now(),
    unique (task_id, period)
);

insert into sla_policy (case_type, stage, budget_working_days) values
    ('task', 'ACKNOWLEDGE', 2),
    ('task', 'REVIEW', 5),
    ('extension', 'DECIDE', 5);
