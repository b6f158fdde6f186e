-- E-mail to staff and experts for the inbox notifications that call for it (reminders, breaches, escalations,
-- panel invitations, scoring deadlines): vn.dondoc.app.notifications.StaffMail resolves each such notification to
-- people and their addresses (Keycloak) after it was committed, then either queues an e-mail at once or keeps it
-- for the person's daily digest (StaffDigest). The e-mails themselves are rows of notification (recipient_kind
-- EMAIL), sent by MailRelay like every other.

-- Each person's choice, by Keycloak username; without a row, e-mails go out at once.
create table staff_mail_setting (
    username      varchar(100) primary key,
    delivery      varchar(10)  not null check (delivery in ('IMMEDIATE', 'DIGEST')),
    -- the hour (Asia/Ho_Chi_Minh) at which the digest goes out
    digest_hour   smallint     not null default 7 check (digest_hour between 0 and 23),
    -- the next digest is the first digest hour after this instant (the choice saved, or the last digest sent)
    digest_since  timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);

-- NONE: not for e-mail; PENDING: to be resolved to people, claimed until staff_mail_at; DONE
alter table notification add column staff_mail_state varchar(10) not null default 'NONE'
    check (staff_mail_state in ('NONE', 'PENDING', 'DONE'));
alter table notification add column staff_mail_at timestamptz;
-- the HTML alternative of an e-mail's body (staff e-mails), null for plain text only
alter table notification add column body_html text;
-- a digest is about many cases
alter table notification alter column case_code drop not null;
alter table notification add constraint notification_case_of_inbox check (case_code is not null or recipient_kind = 'EMAIL');

create index notification_staff_mail_due_idx on notification (staff_mail_at, id) where staff_mail_state = 'PENDING';

-- What waits for a person's next digest: one notification, the address it goes to.
create table staff_digest_entry (
    notification_id  bigint       not null references notification (id) on delete cascade,
    username         varchar(100) not null,
    address          varchar(254) not null,
    created_at       timestamptz  not null default now(),
    primary key (username, notification_id)
);
