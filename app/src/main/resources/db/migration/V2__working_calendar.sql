-- The working calendar of SLA clocks: only the days that break the weekly rule (Monday to Friday
-- worked, Saturday and Sunday off). Seeded from db/seed/calendar.csv by vn.dondoc.app.sla.CalendarSeed,
-- edited by admins through /api/v1/admin/calendar.
create table calendar_day (
    day   date         primary key,
    -- HOLIDAY: a weekday off (public holiday, compensatory or swapped day off);
    -- WORKING_DAY: a Saturday or Sunday that is worked (làm bù).
    kind  varchar(20)  not null check (kind in ('HOLIDAY', 'WORKING_DAY')),
    name  varchar(200) not null,
    note  text
);
