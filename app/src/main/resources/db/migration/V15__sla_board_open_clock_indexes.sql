-- The SLA board's pass over the open clocks reads nothing but this index (an index-only scan): the columns of
-- the board's filters, of its agency scope (task_id) and of a clock's state as of now. It replaces V13's index,
-- which lacked task_id, and V4's open clocks by due instant, which PostgreSQL chose for the pass although it
-- reads the table row by row; the running clocks by due instant (the open breaches) keep V12's index.
drop index sla_clock_open_board_idx;
drop index sla_clock_open_due_idx;
create index sla_clock_open_board_idx on sla_clock (case_type, case_agency, case_field)
    include (state, warn_at, due_at, breached_at, task_id) where state in ('RUNNING', 'PAUSED');

-- The open clocks whose breach is recorded, by its instant: their days in the board's trend.
create index sla_clock_open_breached_idx on sla_clock (breached_at)
    include (case_type, case_agency, case_field, task_id) where state in ('RUNNING', 'PAUSED') and breached_at is not null;
