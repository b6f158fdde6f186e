-- How a feedback item reached the agencies: the web form, or staff recording it on the sender's behalf
-- (hotline, letter, e-mail, counter). For those, submitted_at is when it was received (the SLA clock's
-- start), not when it was typed in; entered_at says when it was typed in. Items before this are web items.
alter table feedback_item
    add column channel varchar(12) not null default 'web'
        check (channel in ('web', 'hotline', 'letter', 'email', 'counter')),
    add column entered_at timestamptz;

create index feedback_item_channel_idx on feedback_item (channel);
