-- Saved searches, per user: the parameters of GET /api/v1/search under a name of the user's choosing.
-- See vn.dondoc.app.search.SavedSearches.
create table saved_search (
    id          bigserial     primary key,
    -- the Keycloak username (preferred_username) of the owner; only the owner sees or runs it
    username    varchar(100)  not null,
    name        varchar(100)  not null,
    -- {"q": "...", "type": "task", "createdFrom": "2026-01-01", ...}: the search's parameters, no page
    query       jsonb         not null,
    created_at  timestamptz   not null default now(),
    unique (username, name)
);
