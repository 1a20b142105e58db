-- A case's number is never given to another case, even after the case is
-- deleted: exports, bundles and notes that name "case 7" keep meaning one
-- case. case_numbers holds the highest number ever given; a new case takes
-- the next one.

CREATE TABLE case_numbers (
	only INTEGER PRIMARY KEY CHECK (only = 1),
	last INTEGER NOT NULL
);
INSERT INTO case_numbers (only, last) SELECT 1, COALESCE(MAX(id), 0) FROM cases;
CREATE TRIGGER case_numbers_insert AFTER INSERT ON cases BEGIN
	UPDATE case_numbers SET last = MAX(last, new.id);
END;
