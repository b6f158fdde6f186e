-- Anonymous submissions counted per client address and fixed window, shared by every app node.
-- Rows of past windows are deleted by vn.dondoc.app.security.AnonymousRateLimit.
create table rate_limit_window (
    client        varchar(64)  not null,
    window_start  timestamptz  not null,
    hits          integer      not null,
    primary key (client, window_start)
);

-- The limit in force when an admin changed it at run time (PUT /api/v1/admin/rate-limit); without a
-- row, dondoc.rate-limit.* applies. One row at most, read by every node on each anonymous submission.
create table rate_limit_setting (
    id              integer      primary key check (id = 1),
    max_hits        integer      not null check (max_hits >= 0),
    window_seconds  integer      not null check (window_seconds between 1 and 86400),
    changed_by      varchar(100) not null,
    changed_at      timestamptz  not null
);
