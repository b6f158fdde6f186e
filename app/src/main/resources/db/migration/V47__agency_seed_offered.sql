-- What the agency seed (db/seed/agencies.csv, vn.dondoc.app.agencies.ReferenceDataSeed) has offered so far, per
-- agency: since administrators keep agencies in the product (/quan-tri/co-quan: names, aliases, deactivation,
-- merges), the seed only adds what is new to it (an agency, an alias it did not list before) and never takes back
-- or overwrites what they changed. An alias an administrator removed is not offered again unless the seed newly
-- lists it. The aliases the table holds now count as offered.
create table agency_seed (
    code     varchar(32) primary key references agency (code),
    aliases  text[]      not null default '{}'
);

insert into agency_seed (code, aliases) select code, aliases from agency;
