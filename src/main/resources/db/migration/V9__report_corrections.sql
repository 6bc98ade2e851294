-- A rettifica: a corrected revision of a signed report, for the same administration and year, starting as a
-- copy of it and linked to it. Revision 0 is the original; each signed revision may be corrected once.
alter table report add column revision integer not null default 0 check (revision >= 0);
alter table report add column corrects_report_id bigint references report (id);
drop index report_administration_year_uk;
create unique index report_administration_year_uk on report (administration_id, year, revision);
create unique index report_corrects_uk on report (corrects_report_id) where corrects_report_id is not null;
