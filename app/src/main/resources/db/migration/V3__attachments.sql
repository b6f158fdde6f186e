-- Files attached to feedback, answers and evidence. The bytes live in PostgreSQL, the source of truth,
-- so an accepted upload is as durable as the case it will belong to (never in process variables).
-- A row with no owner is a staged upload: stored, not yet attached, deleted after a retention period.
create table attachment (
    id                 uuid         primary key,
    filename           varchar(255) not null,
    content_type       varchar(100) not null,
    size_bytes         bigint       not null,
    sha256             char(64)     not null,
    content            bytea        not null,
    uploaded_by        varchar(100),
    -- SHA-256 of the secret the uploader must present to attach the file; cleared once attached.
    upload_token_hash  char(64),
    owner_type         varchar(20),
    owner_id           bigint,
    uploaded_at        timestamptz  not null,
    attached_at        timestamptz,
    check ((owner_type is null) = (owner_id is null))
);

create index attachment_owner_idx on attachment (owner_type, owner_id);
