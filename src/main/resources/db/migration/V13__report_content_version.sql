-- A report's content version: raised, in the same transaction, by every statement that changes its sections
-- or answers, whoever runs it (the application, an import, a script). The application keeps a report's
-- sections in memory under this number, so a page reads them from the database only when they changed.
-- Statement-level triggers: a statement that writes many rows raises each report it touches once.
alter table report add column content_version bigint not null default 0;

create function report_sections_written() returns trigger language plpgsql as $$
begin
    update report set content_version = content_version + 1
     where id in (select report_id from written);
    return null;
end $$;

create function report_sections_rewritten() returns trigger language plpgsql as $$
begin
    update report set content_version = content_version + 1
     where id in (select report_id from written union select report_id from overwritten);
    return null;
end $$;

create function report_answers_written() returns trigger language plpgsql as $$
begin
    update report set content_version = content_version + 1
     where id in (select s.report_id from report_section s where s.id in (select report_section_id from written));
    return null;
end $$;

create function report_answers_rewritten() returns trigger language plpgsql as $$
begin
    update report set content_version = content_version + 1
     where id in (select s.report_id from report_section s
                   where s.id in (select report_section_id from written
                                  union select report_section_id from overwritten));
    return null;
end $$;

create trigger report_section_inserted after insert on report_section
    referencing new table as written for each statement execute function report_sections_written();
create trigger report_section_updated after update on report_section
    referencing old table as overwritten new table as written for each statement execute function report_sections_rewritten();
create trigger report_section_deleted after delete on report_section
    referencing old table as written for each statement execute function report_sections_written();

create trigger report_answer_inserted after insert on report_answer
    referencing new table as written for each statement execute function report_answers_written();
create trigger report_answer_updated after update on report_answer
    referencing old table as overwritten new table as written for each statement execute function report_answers_rewritten();
create trigger report_answer_deleted after delete on report_answer
    referencing old table as written for each statement execute function report_answers_written();
