-- The same-sender check of every new feedback item (FeedbackDuplicates) looks for the open items with the
-- sender's e-mail or phone, newest first. Without these it read every row of feedback_item: 8.8 ms a
-- submission at about 20,000 items (pg_stat_statements in bench/throughput, 01/12/2026), growing with the table.
create index feedback_item_open_email_idx on feedback_item (contact_email, submitted_at desc)
  where closed_at is null and contact_email is not null;
create index feedback_item_open_phone_idx on feedback_item (contact_phone, submitted_at desc)
  where closed_at is null and contact_phone is not null;
