-- An earlier report imported from its document (issue 17). The upload is kept as it came, with its SHA-256,
-- while the OIV reviews what was read from it; confirming creates the report (status IMPORTATO), which the
-- row then names: the file stays as that report's source document.
create table report_import (
    id bigserial primary key,
    administration_id bigint not null references administration (id),
    year int not null,
    file_name varchar(255) not null,
    media_type varchar(100) not null,
    size bigint not null,
    sha256 varchar(64) not null,
    content bytea not null,
    created_by varchar(64) not null,
    created_at timestamptz not null,
    report_id bigint unique references report (id) on delete cascade
);
create index report_import_pending on report_import (administration_id, year) where report_id is null;

alter table report drop constraint report_status_check;
alter table report add constraint report_status_check
    check (status in ('BOZZA', 'IN_REVISIONE', 'APPROVATO', 'FIRMATO', 'IMPORTATO'));
