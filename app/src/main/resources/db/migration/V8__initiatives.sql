-- Breakthrough-initiative selection (DOMAIN.md §2.4): submissions, their expert panels and immutable
-- scores. The proposer of record and the submission instant never change once submitted.

create table initiative (
    id                   bigserial    primary key,
    -- SK-2026-000007, given at submission (a draft has none)
    case_code            varchar(32)  unique,
    status               varchar(25)  not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'IN_EVALUATION',
                             'IN_CONSENSUS', 'SHORTLISTED', 'SELECTED', 'NOT_SELECTED', 'DEFERRED', 'NOT_SHORTLISTED',
                             'CLOSED_INCOMPLETE', 'TO_FEEDBACK')),
    -- BREAKTHROUGH, STRATEGIC_TECH_PROPOSAL, ORDINARY, RESEARCH_FUNDING (vn.dondoc.app.initiatives.InitiativeCategory)
    category             varchar(30)  not null,
    title                varchar(300) not null,
    problem              text,
    solution             text,
    expected_product     text,
    tech_group           varchar(60),
    ordering_agency      varchar(32)  references agency (code),
    receiving_agency     varchar(32)  references agency (code),
    resources_needed     text,
    ip_status            varchar(30),
    -- the proposer of record: the innovator's account, as it stood at submission
    proposer             varchar(100) not null,
    proposer_name        varchar(200),
    organisation         varchar(200),
    tax_code             varchar(20),
    -- whether the public list may name the proposer
    publish_proposer     boolean      not null default false,
    submitted_at         timestamptz,
    mean_score           numeric(5,2),
    spread               numeric(5,2),
    decision_reason      text,
    decided_at           timestamptz,
    feedback_id          bigint       references feedback_item (id),
    process_instance_id  varchar(64),
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    version              bigint       not null default 1
);

create index initiative_proposer_idx on initiative (proposer);

-- The seats of the panel, one row per expert asked; a replaced expert keeps their row.
create table initiative_panel_member (
    initiative_id  bigint       not null references initiative (id),
    expert         varchar(100) not null,
    seat           integer      not null,
    status         varchar(20)  not null check (status in ('ASKED', 'CONFLICT', 'SCORING', 'LATE', 'SCORED')),
    conflict_note  text,
    asked_at       timestamptz  not null default now(),
    decided_at     timestamptz,
    primary key (initiative_id, expert)
);

-- Scores are written once; a correction is a new row that supersedes the old one (both kept).
create table initiative_score (
    id             bigserial    primary key,
    initiative_id  bigint       not null references initiative (id),
    expert         varchar(100) not null,
    criterion      varchar(30)  not null,
    score          numeric(4,2) not null check (score between 0 and 10),
    comment        text         not null,
    supersedes     bigint       references initiative_score (id),
    reason         text,
    recorded_at    timestamptz  not null default now()
);

create index initiative_score_idx on initiative_score (initiative_id, expert);

alter table task add column source_initiative_id bigint references initiative (id);
alter table feedback_item add column initiative_id bigint references initiative (id);

-- What is submitted stays as submitted: the database refuses to change or remove a score.
create function initiative_score_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'initiative_score rows are immutable; record a correction as a new row that supersedes it';
end $$;

create trigger initiative_score_no_change before update or delete on initiative_score
    for each row execute function initiative_score_immutable();

insert into sla_policy (case_type, stage, budget_working_days) values ('initiative', 'SCREEN', 5);
