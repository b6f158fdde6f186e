-- Agencies are administered in the product (vn.dondoc.app.admin.AgencyAdministration): an agency that stops
-- existing is deactivated, or merged into another, which takes its cases and its names (as aliases). Its row
-- stays: audit entries, reports and closed cases keep naming it.
alter table agency
    add column active       boolean     not null default true,
    add column merged_into  varchar(32) references agency (code);
