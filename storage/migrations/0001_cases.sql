-- Cases, their reports, the stored analysis of each case and the verdict
-- history. Times are UTC text of fixed width, so they sort as they read.

CREATE TABLE cases (
	id          INTEGER PRIMARY KEY,
	uid         TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL CHECK (title <> ''),
	description TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);

-- A report's hash is the SHA-256 of its body: its identity across
-- analyses, engines and machines.
CREATE TABLE reports (
	id        INTEGER PRIMARY KEY,
	case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	hash      TEXT NOT NULL,
	file      TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	outlet    TEXT NOT NULL DEFAULT '',
	date      TEXT NOT NULL DEFAULT '',
	url       TEXT NOT NULL DEFAULT '',
	author    TEXT NOT NULL DEFAULT '',
	extra     TEXT NOT NULL DEFAULT '{}',
	body      TEXT NOT NULL,
	reference INTEGER NOT NULL DEFAULT 0 CHECK (reference IN (0, 1)),
	added_at  TEXT NOT NULL,
	UNIQUE (case_id, hash)
);

-- The latest analysis of a case. inputs fingerprints the reports it was
-- made from; a different fingerprint or engine marks it stale.
CREATE TABLE analyses (
	case_id    INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
	engine     TEXT NOT NULL,
	inputs     TEXT NOT NULL,
	created_at TEXT NOT NULL
);

-- The ID each report had in the analysis ("r1", …), in analysis order.
CREATE TABLE analysis_reports (
	case_id   INTEGER NOT NULL REFERENCES analyses (case_id) ON DELETE CASCADE,
	report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	ref       TEXT NOT NULL,
	position  INTEGER NOT NULL,
	PRIMARY KEY (case_id, ref)
);

-- The quotes and claims the analysis found. speaker is a quote's speaker
-- or a claim's source.
CREATE TABLE items (
	id         INTEGER PRIMARY KEY,
	case_id    INTEGER NOT NULL REFERENCES analyses (case_id) ON DELETE CASCADE,
	report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	ref        TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('quote', 'claim')),
	text       TEXT NOT NULL,
	speaker    TEXT NOT NULL DEFAULT '',
	cue        TEXT NOT NULL DEFAULT '',
	start_at   INTEGER NOT NULL,
	end_at     INTEGER NOT NULL,
	paragraph  INTEGER NOT NULL DEFAULT 0,
	numbers    TEXT NOT NULL DEFAULT '[]',
	quantities TEXT NOT NULL DEFAULT '[]',
	UNIQUE (case_id, ref)
);
CREATE INDEX items_by_report ON items (report_id);

-- The same quote or claim across reports, and how each member differs
-- from the group's reference member.
CREATE TABLE item_groups (
	id        INTEGER PRIMARY KEY,
	case_id   INTEGER NOT NULL REFERENCES analyses (case_id) ON DELETE CASCADE,
	ref       TEXT NOT NULL,
	kind      TEXT NOT NULL CHECK (kind IN ('quote', 'claim')),
	reference TEXT NOT NULL,
	severity  INTEGER NOT NULL DEFAULT 0,
	UNIQUE (case_id, ref)
);

CREATE TABLE group_members (
	group_id INTEGER NOT NULL REFERENCES item_groups (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	item     TEXT NOT NULL,
	PRIMARY KEY (group_id, position)
) WITHOUT ROWID;

CREATE TABLE group_diffs (
	group_id   INTEGER NOT NULL REFERENCES item_groups (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	item       TEXT NOT NULL,
	similarity REAL NOT NULL,
	edits      TEXT NOT NULL,
	PRIMARY KEY (group_id, position)
) WITHOUT ROWID;

CREATE TABLE group_flags (
	group_id INTEGER NOT NULL REFERENCES item_groups (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	item     TEXT NOT NULL,
	kind     TEXT NOT NULL,
	detail   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (group_id, position)
) WITHOUT ROWID;

-- The verdict scale, best first. rating orders the statuses for
-- ClaimReview (higher is better); 0 marks a status that is no rating.
CREATE TABLE scale (
	position INTEGER PRIMARY KEY,
	status   TEXT NOT NULL UNIQUE CHECK (status <> ''),
	rating   INTEGER NOT NULL DEFAULT 0 CHECK (rating >= 0)
);
INSERT INTO scale (position, status, rating) VALUES
	(1, 'accurate', 6),
	(2, 'minor difference', 5),
	(3, 'altered', 4),
	(4, 'out of context/trimmed', 3),
	(5, 'misattributed', 2),
	(6, 'unsupported', 1),
	(7, 'unverified', 0);

-- Verdict history, append-only: a change adds a row and the newest row
-- for a target is its current verdict. The target is a rendering (scope
-- 'member') or a group (scope 'group'), named by its report's hash, kind,
-- text and span, so that it outlives any one analysis. A group is named by
-- its reference member when the verdict was given, and members lists the
-- identities (hash|kind|start|end) of all its members then, to tell apart
-- groups that share a reference.
CREATE TABLE verdicts (
	id          INTEGER PRIMARY KEY,
	uid         TEXT NOT NULL UNIQUE,
	case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	scope       TEXT NOT NULL CHECK (scope IN ('member', 'group')),
	report_hash TEXT NOT NULL,
	kind        TEXT NOT NULL CHECK (kind IN ('quote', 'claim')),
	text        TEXT NOT NULL,
	start_at    INTEGER NOT NULL,
	end_at      INTEGER NOT NULL,
	members     TEXT NOT NULL DEFAULT '[]',
	status      TEXT NOT NULL CHECK (status <> ''),
	note        TEXT NOT NULL DEFAULT '',
	evidence    TEXT NOT NULL DEFAULT '[]',
	reviewer    TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL
);
CREATE INDEX verdicts_by_target ON verdicts (case_id, scope, report_hash, start_at, end_at, created_at);

CREATE TRIGGER verdicts_append_only BEFORE UPDATE ON verdicts
BEGIN
	SELECT RAISE(ABORT, 'verdict history is append-only');
END;
