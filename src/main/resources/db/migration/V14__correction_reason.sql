-- Why a rettifica was started: asked when it is started, shown on its page and on its PDF's cover.
-- Rettifiche started before this migration have none.
alter table report add column correction_reason text;
