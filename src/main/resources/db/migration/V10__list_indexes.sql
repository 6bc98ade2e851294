-- Paged lists at national scale (10,000 administrations, 50,000 reports, 10,000 users): each page is read in
-- the list's order from an index, instead of sorting every row to show fifty.
create index report_year_idx on report (year desc, administration_id, id);
create index report_status_year_idx on report (status, year desc, administration_id, id);
create index administration_name_idx on administration (name, id);
create index app_user_full_name_idx on app_user (full_name, id);

-- How many reports there are in each status, kept up to date by the database itself: the administrator's home
-- and the unfiltered reports list read four rows instead of counting every report on every view.
create table report_status_count (
    status   varchar(20) primary key,
    reports  bigint      not null check (reports >= 0)
);
insert into report_status_count (status, reports) select status, count(*) from report group by status;

create function report_status_count_track() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update report_status_count set reports = reports - 1 where status = old.status;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into report_status_count (status, reports) values (new.status, 1)
        on conflict (status) do update set reports = report_status_count.reports + 1;
    end if;
    return null;
end;
$$;

create trigger report_status_count_insert_delete after insert or delete on report
    for each row execute function report_status_count_track();
create trigger report_status_count_status_change after update of status on report
    for each row when (old.status is distinct from new.status) execute function report_status_count_track();
