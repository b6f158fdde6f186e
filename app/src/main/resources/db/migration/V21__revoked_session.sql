-- Keycloak sessions ended in Keycloak (logout, session deleted by an admin), told by OIDC back-channel logout:
-- page sessions and bearer tokens carrying such a sid are refused on every node.
create table revoked_session (
    sid         varchar(64)  primary key,
    revoked_at  timestamptz  not null
);

create index revoked_session_revoked_at_idx on revoked_session (revoked_at);
