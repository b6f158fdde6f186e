-- An evidence item may be shown by several files (a decision, its annex, a screenshot of the system in use),
-- not by one. The files stay attached to the submission (attachment.owner_type 'evidence'); this table says
-- which item each shows, in the order they were sent.
create table evidence_item_file (
    item_id       bigint not null references evidence_item (id) on delete cascade,
    position      int    not null,
    attachment_id uuid   not null unique references attachment (id),
    primary key (item_id, position)
);

insert into evidence_item_file (item_id, position, attachment_id)
select id, 0, attachment_id from evidence_item where attachment_id is not null;

alter table evidence_item drop column attachment_id;
