-- The questionnaire can say what the template says: a question without an Esempio box, a Specificare list
-- shown before the Esempio, a share scale whose choice may be left out when the motivation answers it.
alter table questionnaire_question alter column examples_label drop not null;
alter table questionnaire_question add column list_first boolean not null default false;
alter table questionnaire_question add column choice_required boolean not null default true;

-- A section's own texts (section 9's description, the annotations) are carried forward like answers: they
-- stay "da confermare" until an OIV member saves or confirms them.
alter table report_section add column body_confirmed boolean not null default true;
alter table report_section add column annotations_confirmed boolean not null default true;

-- "Nessuna variazione" in a section whose answers changed is refused unless the OIV records why it holds
-- anyway; the reason, who gave it and when are shown on the comparison and in the PDF's annex.
alter table report_section add column no_change_reason text;
alter table report_section add column no_change_by varchar(64);
alter table report_section add column no_change_at timestamptz;
