-- Anonymous submissions counted per client address and fixed window, shared by every app node.
-- Rows of past windows are deleted by vn.dondoc.app.security.AnonymousRateLimit.
create table rate_limit_window (
    client        varchar(64)  not null,
    window_start  timestamptz  not null,
    hits          integer      not null,
    primary key (client, window_start)
);
