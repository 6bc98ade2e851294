-- Issue 18: the audit log, append-only, and Spring Modulith's event publication registry.

-- What happened, to whom, by whom: security and administration events, and everything that happened to a
-- report (saves, evidence, osservazioni, workflow, exports, the seal, signed copies). No foreign keys: an
-- entry outlives the user, report or administration it names, and says who they were at the time.
create table audit_event (
    id                bigint generated always as identity primary key,
    occurred_at       timestamptz not null,
    kind              text        not null,
    actor             text        not null,
    actor_name        text,
    client            text,
    administration_id bigint,
    report_id         bigint,
    section_number    integer,
    subject           text,
    detail            text
);
create index audit_event_by_time on audit_event (occurred_at desc, id desc);
create index audit_event_by_report on audit_event (report_id, occurred_at desc, id desc) where report_id is not null;
create index audit_event_by_actor on audit_event (lower(actor), occurred_at desc);
create index audit_event_by_administration on audit_event (administration_id, occurred_at desc) where administration_id is not null;
create index audit_event_by_kind on audit_event (kind, occurred_at desc);

-- Append-only: UPDATE, DELETE and TRUNCATE are refused, whoever runs them. The one deleter is audit_purge,
-- the retention's function, which marks its own transaction; the trigger lets its DELETE through.
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('oiv.audit_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_change();

-- Deletes the entries older than the retention; returns how many.
create function audit_purge(older_than timestamptz) returns bigint language plpgsql as $$
declare
    purged bigint;
begin
    perform set_config('oiv.audit_purge', 'on', true);
    delete from audit_event where occurred_at < older_than;
    get diagnostics purged = row_count;
    perform set_config('oiv.audit_purge', 'off', true);
    return purged;
end
$$;

-- Spring Modulith's event publication registry (spring-modulith-events-jdbc, schema v2 for PostgreSQL): an
-- event for another module is stored in the transaction that published it, and republished if its listener
-- did not complete. Written here because Flyway owns the schema.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
