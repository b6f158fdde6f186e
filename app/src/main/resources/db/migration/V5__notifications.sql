-- Notifications: an in-app inbox for staff (a user or a Camunda group) and e-mails to addresses
-- (senders of feedback), written in the transaction of the event that causes them. E-mails are sent
-- afterwards by vn.dondoc.app.notifications.MailRelay.
create table notification (
    id                     bigserial    primary key,
    recipient_kind         varchar(10)  not null check (recipient_kind in ('USER', 'GROUP', 'EMAIL')),
    -- a username, a Camunda group id (agencies/bkhcn/leaders) or an e-mail address
    recipient              varchar(254) not null,
    case_code              varchar(32)  not null,
    kind                   varchar(30)  not null,
    subject                text         not null,
    body                   text         not null,
    created_at             timestamptz  not null default now(),
    email_state            varchar(10)  not null default 'NONE'
                           check (email_state in ('NONE', 'PENDING', 'SENT', 'FAILED')),
    email_attempts         integer      not null default 0,
    email_next_attempt_at  timestamptz,
    email_last_error       text,
    email_sent_at          timestamptz,
    -- the same occasion of a case reaches the same recipient once, however often it is notified
    unique (case_code, kind, recipient_kind, recipient),
    check ((recipient_kind = 'EMAIL') = (email_state <> 'NONE'))
);

create index notification_inbox_idx on notification (recipient_kind, recipient, created_at desc);
create index notification_mail_due_idx on notification (email_next_attempt_at, id) where email_state = 'PENDING';

-- Who has read what: per person, so that one member of a group reading a group's notification does
-- not mark it read for the others.
create table notification_read (
    notification_id  bigint       not null references notification (id) on delete cascade,
    username         varchar(100) not null,
    read_at          timestamptz  not null default now(),
    primary key (notification_id, username)
);
