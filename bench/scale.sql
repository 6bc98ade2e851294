-- National scale for bench/load.sh --scale: :admins administrations (Comuni di prova) with five yearly
-- reports each (2021–2024 approved, 2025 a draft), every report a copy of the demo's 2020 report (so answers
-- are as long as a real report's), and :users OIV members, each in three administrations. The generated users
-- sign in with the demo password. One transaction; minutes, not hours.
\set ON_ERROR_STOP on
begin;

create temporary table template_report on commit drop as
select id, questionnaire_version_id from report where year = 2020 order by id limit 1;

insert into administration (name, type, oiv_composition, active, created_at)
select format('Comune di Prova %s', lpad(g::text, 5, '0')), 'COMUNE', 'MONOCRATICO', true, now()
from generate_series(1, :admins) g;

insert into app_user (username, full_name, password_hash, role, must_change_password)
select format('bench%s', lpad(g::text, 5, '0')), format('Componente Prova %s', lpad(g::text, 5, '0')),
       (select password_hash from app_user where username = 'oiv'), 'OIV', false
from generate_series(1, :users) g;

create temporary table numbered_admin on commit drop as
select id, row_number() over (order by id) as n from administration where name like 'Comune di Prova %';
create temporary table numbered_user on commit drop as
select id, row_number() over (order by id) as n from app_user where username like 'bench%';

-- User n works for administrations n, n+1 and n+2 (wrapping round).
insert into membership (user_id, administration_id, role)
select u.id, a.id, 'OIV'
from numbered_user u
cross join generate_series(0, 2) k
join numbered_admin a on a.n = (u.n - 1 + k) % :admins + 1;

insert into report (administration_id, year, questionnaire_version_id, status, created_at, created_by, revision)
select a.id, y, t.questionnaire_version_id, case when y = 2025 then 'BOZZA' else 'APPROVATO' end, now(), 'bench', 0
from numbered_admin a cross join generate_series(2021, 2025) y cross join template_report t;

insert into report_section (report_id, section_id, annotations, variations, body, updated_at, updated_by, version)
select r.id, s.section_id, s.annotations, coalesce(s.variations, 'Nessuna variazione.'), s.body, now(), 'bench', 0
from report r
join report_section s on s.report_id = (select id from template_report)
where r.created_by = 'bench';

insert into report_answer (report_section_id, question_id, choice, motivation, examples, entries, confirmed)
select ns.id, a.question_id, a.choice, a.motivation, a.examples, a.entries, true
from report r
join report_section ns on ns.report_id = r.id
join report_section ts on ts.report_id = (select id from template_report) and ts.section_id = ns.section_id
join report_answer a on a.report_section_id = ts.id
where r.created_by = 'bench';

commit;
analyze;
