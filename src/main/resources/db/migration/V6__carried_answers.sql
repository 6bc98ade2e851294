-- Answers copied from the previous cycle's report stay "da confermare" until an OIV member saves or
-- confirms them.
alter table report_answer add column confirmed boolean not null default true;
