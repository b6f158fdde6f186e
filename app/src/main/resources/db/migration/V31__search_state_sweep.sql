-- How far the search sweep (SearchStateSweep) re-projected the cases whose SLA state or timeliness changes with
-- time alone; one row per sweep, locked by the node sweeping.
create table search_sweep (
    name         varchar(40)  primary key,
    swept_until  timestamptz  not null
);

-- The running clocks whose warning instant falls in a sweep's window (due_at has sla_clock_open_due_idx).
create index sla_clock_running_warn_idx on sla_clock (warn_at) where state = 'RUNNING';
