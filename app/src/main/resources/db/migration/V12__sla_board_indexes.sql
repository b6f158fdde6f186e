-- The SLA board (SlaBoard) reads a few clocks by instants instead of scanning them all:
-- the open breaches oldest first (running clocks past due, ordered by due_at, id, LIMIT)
create index sla_clock_running_due_idx on sla_clock (due_at, id) where state = 'RUNNING';
-- the trend's breaches of the period: a breached or running clock breaches at coalesce(breached_at, due_at) ...
create index sla_clock_breach_instant_idx on sla_clock ((coalesce(breached_at, due_at))) where state in ('BREACHED', 'RUNNING');
-- ... any other clock at its breached_at, if it has one
create index sla_clock_breached_at_idx on sla_clock (breached_at) where breached_at is not null;
-- the trend's stages met in the period
create index sla_clock_met_stopped_idx on sla_clock (stopped_at) where state = 'MET';
