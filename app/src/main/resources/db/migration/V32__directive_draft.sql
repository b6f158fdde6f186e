-- The directive desk's drafts (vn.dondoc.app.directives.DeskDrafts): a directive read from its document and
-- corrected by the standing office over several sittings, by several people, until it is issued. The header
-- and the rows are kept as the page edits them (jsonb); version guards against one person's save silently
-- overwriting another's (a stale save is refused with 409).
create table directive_draft (
    id           bigserial    primary key,
    -- the header as last saved: type, number, date (dd/MM/yyyy as typed), issuer, title
    header       jsonb        not null,
    -- the draft tasks as last saved (DeskDrafts.Row)
    rows         jsonb        not null,
    -- the document's text as read (for the person checking a row against it)
    source_text  text         not null,
    -- what the upload was: the file's name, or null for pasted text
    source_name  varchar(255),
    -- the background reading of a scan that made this draft (its page polls the job until the draft exists)
    source_job   uuid         unique,
    version      integer      not null default 1,
    created_by   varchar(100) not null,
    created_at   timestamptz  not null,
    updated_by   varchar(100) not null,
    updated_at   timestamptz  not null,
    -- set once, when the directive is issued from it: the draft is then read-only
    issued_symbol varchar(60)
);

create index directive_draft_open on directive_draft (updated_at desc) where issued_symbol is null;
