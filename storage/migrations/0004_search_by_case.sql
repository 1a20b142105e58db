-- Search within one case without reading every case's matches: each
-- full-text index gains a first column, case_tag, holding "c" and the case
-- ID, and a search in one case matches it as well as the user's words,
-- which are looked for in the other columns only. The indexes read their
-- text through views that add the tag.

DROP TRIGGER reports_fts_insert;
DROP TRIGGER reports_fts_delete;
DROP TRIGGER reports_fts_update;
DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_delete;
DROP TRIGGER verdicts_fts_insert;
DROP TRIGGER verdicts_fts_delete;
DROP TABLE reports_fts;
DROP TABLE items_fts;
DROP TABLE verdicts_fts;

CREATE VIEW reports_search AS SELECT id, 'c' || case_id AS case_tag, title, outlet, body FROM reports;
CREATE VIRTUAL TABLE reports_fts USING fts5 (
	case_tag, title, outlet, body,
	content = 'reports_search', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
	INSERT INTO reports_fts (rowid, case_tag, title, outlet, body)
	VALUES (new.id, 'c' || new.case_id, new.title, new.outlet, new.body);
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
	INSERT INTO reports_fts (reports_fts, rowid, case_tag, title, outlet, body)
	VALUES ('delete', old.id, 'c' || old.case_id, old.title, old.outlet, old.body);
END;
CREATE TRIGGER reports_fts_update AFTER UPDATE OF title, outlet, body ON reports BEGIN
	INSERT INTO reports_fts (reports_fts, rowid, case_tag, title, outlet, body)
	VALUES ('delete', old.id, 'c' || old.case_id, old.title, old.outlet, old.body);
	INSERT INTO reports_fts (rowid, case_tag, title, outlet, body)
	VALUES (new.id, 'c' || new.case_id, new.title, new.outlet, new.body);
END;

CREATE VIEW items_search AS SELECT id, 'c' || case_id AS case_tag, text, speaker FROM items;
CREATE VIRTUAL TABLE items_fts USING fts5 (
	case_tag, text, speaker,
	content = 'items_search', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
	INSERT INTO items_fts (rowid, case_tag, text, speaker) VALUES (new.id, 'c' || new.case_id, new.text, new.speaker);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
	INSERT INTO items_fts (items_fts, rowid, case_tag, text, speaker)
	VALUES ('delete', old.id, 'c' || old.case_id, old.text, old.speaker);
END;

CREATE VIEW verdicts_search AS SELECT id, 'c' || case_id AS case_tag, note, status FROM verdicts;
CREATE VIRTUAL TABLE verdicts_fts USING fts5 (
	case_tag, note, status,
	content = 'verdicts_search', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER verdicts_fts_insert AFTER INSERT ON verdicts BEGIN
	INSERT INTO verdicts_fts (rowid, case_tag, note, status) VALUES (new.id, 'c' || new.case_id, new.note, new.status);
END;
CREATE TRIGGER verdicts_fts_delete AFTER DELETE ON verdicts BEGIN
	INSERT INTO verdicts_fts (verdicts_fts, rowid, case_tag, note, status)
	VALUES ('delete', old.id, 'c' || old.case_id, old.note, old.status);
END;

INSERT INTO reports_fts (reports_fts) VALUES ('rebuild');
INSERT INTO items_fts (items_fts) VALUES ('rebuild');
INSERT INTO verdicts_fts (verdicts_fts) VALUES ('rebuild');
