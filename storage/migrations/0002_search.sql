-- Full-text search over report text, quotes, claims and verdict notes.
-- Each index reads its text from its table (external content) and
-- triggers keep it in step.

CREATE VIRTUAL TABLE reports_fts USING fts5 (
	title, outlet, body,
	content = 'reports', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
	INSERT INTO reports_fts (rowid, title, outlet, body) VALUES (new.id, new.title, new.outlet, new.body);
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
	INSERT INTO reports_fts (reports_fts, rowid, title, outlet, body) VALUES ('delete', old.id, old.title, old.outlet, old.body);
END;
CREATE TRIGGER reports_fts_update AFTER UPDATE OF title, outlet, body ON reports BEGIN
	INSERT INTO reports_fts (reports_fts, rowid, title, outlet, body) VALUES ('delete', old.id, old.title, old.outlet, old.body);
	INSERT INTO reports_fts (rowid, title, outlet, body) VALUES (new.id, new.title, new.outlet, new.body);
END;

CREATE VIRTUAL TABLE items_fts USING fts5 (
	text, speaker,
	content = 'items', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
	INSERT INTO items_fts (rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
	INSERT INTO items_fts (items_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
END;

CREATE VIRTUAL TABLE verdicts_fts USING fts5 (
	note, status,
	content = 'verdicts', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER verdicts_fts_insert AFTER INSERT ON verdicts BEGIN
	INSERT INTO verdicts_fts (rowid, note, status) VALUES (new.id, new.note, new.status);
END;
CREATE TRIGGER verdicts_fts_delete AFTER DELETE ON verdicts BEGIN
	INSERT INTO verdicts_fts (verdicts_fts, rowid, note, status) VALUES ('delete', old.id, old.note, old.status);
END;

-- Index what a database of the first version already holds.
INSERT INTO reports_fts (reports_fts) VALUES ('rebuild');
INSERT INTO items_fts (items_fts) VALUES ('rebuild');
INSERT INTO verdicts_fts (verdicts_fts) VALUES ('rebuild');
