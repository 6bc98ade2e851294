-- What the report's cover and approval block name (issue 15): the organo di indirizzo politico-amministrativo
-- the report is addressed to (e.g. Giunta camerale), and the seat (sede) the approval is signed at.
alter table administration
    add column addressee varchar(200),
    add column seat      varchar(100);
