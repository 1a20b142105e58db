-- The reports of an analysis that carry another's text (one wire story run
-- by several outlets), as compare finds them.
CREATE TABLE analysis_syndication (
	case_id     INTEGER NOT NULL REFERENCES analyses (case_id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	copy_report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	of_report   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	containment REAL NOT NULL,
	PRIMARY KEY (case_id, position)
) WITHOUT ROWID;
CREATE INDEX analysis_syndication_by_copy ON analysis_syndication (copy_report);
CREATE INDEX analysis_syndication_by_of ON analysis_syndication (of_report);

-- Removing a report looks up its analysis rows by report.
CREATE INDEX analysis_reports_by_report ON analysis_reports (report_id);

-- Analyses stored before this version lack their syndication: mark them
-- stale, so that each case is analysed again when next opened.
UPDATE analyses SET inputs = 'stored before syndication was kept';
