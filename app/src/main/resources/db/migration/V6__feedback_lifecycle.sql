-- The rest of the feedback lifecycle: following by tracking code, questions to the sender, the
-- answer and its publication, rating and one reopening.
alter table feedback_item
    add column tracking_secret_hash char(64),
    add column question_to_sender   text,
    add column sender_reply         text,
    add column answer_text          text,
    add column answered_by          varchar(100),
    add column answered_at          timestamptz,
    add column published            boolean  not null default false,
    add column rating               smallint check (rating between 1 and 5),
    add column rating_comment       varchar(2000),
    add column rated_at             timestamptz,
    add column reopen_count         smallint not null default 0,
    add column return_count         smallint not null default 0,
    add column closed_at            timestamptz;

create index feedback_item_published_idx on feedback_item (published) where published;
