-- Extension requests and evidence submissions are search documents of their own (case types
-- 'extension' and 'evidence'): every change bumps the version that orders their writes to search.
alter table extension_request add column version bigint not null default 1;
alter table evidence_submission add column version bigint not null default 1;
