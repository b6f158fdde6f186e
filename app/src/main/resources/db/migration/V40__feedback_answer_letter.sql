-- The agency's answer letter to the sender (Decree 30/2020's layout), one per signed-off answer (a reopened
-- item answered again gets another). The sign-off writes the row with what the letter says, as it was signed;
-- the PDFs are made after the commit (vn.dondoc.app.feedback.AnswerLetters), retried until they exist, so a
-- failure to make them never loses the sign-off. Both PDFs are attachments of the item: the sender's, and
-- the public one without the sender's name for a published answer.
create table feedback_answer_letter (
    id                    bigserial    primary key,
    feedback_id           bigint       not null references feedback_item (id),
    signed_by             varchar(100),
    signed_at             timestamptz  not null,
    agency                varchar(32)  not null,
    answer_text           text         not null,
    letter_attachment_id  uuid         references attachment (id),
    public_attachment_id  uuid         references attachment (id),
    attempts              integer      not null default 0,
    next_attempt_at       timestamptz,
    last_error            text,
    check ((letter_attachment_id is null) = (next_attempt_at is not null))
);

create index feedback_answer_letter_item_idx on feedback_answer_letter (feedback_id, signed_at desc);
create index feedback_answer_letter_pending_idx on feedback_answer_letter (next_attempt_at) where next_attempt_at is not null;
