-- The project's own tables live in schema "dondoc"; Camunda keeps its tables in "public".

create table agency (
    code        varchar(32) primary key,
    name        varchar(200) not null,
    short_name  varchar(80)  not null,
    kind        varchar(20)  not null check (kind in ('PARTY_BODY', 'MINISTRY', 'CENTRAL_BODY', 'PROVINCE')),
    aliases     text[]       not null default '{}'
);

create table locality (
    code  varchar(32) primary key,
    name  varchar(120) not null,
    kind  varchar(20)  not null check (kind in ('NATIONAL', 'CITY', 'PROVINCE'))
);

-- Yearly running numbers behind case codes such as PAKN-2026-000123.
create table case_counter (
    prefix      varchar(10) not null,
    year        integer     not null,
    last_value  bigint      not null,
    primary key (prefix, year)
);

create table feedback_item (
    id                   bigserial primary key,
    code                 varchar(32)  not null unique,
    type                 varchar(20)  not null,
    field                varchar(40)  not null,
    locality             varchar(32)  not null references locality (code),
    title                varchar(300) not null,
    content              text         not null,
    contact_name         varchar(200) not null,
    contact_email        varchar(254),
    contact_phone        varchar(20),
    consent_to_publish   boolean      not null default false,
    status               varchar(20)  not null,
    handling_agency      varchar(32)  references agency (code),
    classification_note  text,
    submitted_by         varchar(100),
    idempotency_key      varchar(100) unique,
    process_instance_id  varchar(64),
    submitted_at         timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null default 1
);

create index feedback_item_handling_agency_idx on feedback_item (handling_agency);
create index feedback_item_status_idx on feedback_item (status);

-- Written in the same transaction as every business change; drained into Elasticsearch.
create table outbox (
    id               bigserial primary key,
    case_type        varchar(20)  not null,
    case_id          bigint       not null,
    created_at       timestamptz  not null default now(),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    last_error       text
);

create index outbox_due_idx on outbox (next_attempt_at, id);

create table audit_event (
    id          bigserial primary key,
    case_code   varchar(32)  not null,
    action      varchar(40)  not null,
    actor       varchar(100),
    detail      jsonb        not null default '{}'::jsonb,
    occurred_at timestamptz  not null default now()
);

create index audit_event_case_idx on audit_event (case_code, occurred_at);
