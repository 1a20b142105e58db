package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

var update = flag.Bool("update", false, "rewrite the files in testdata")

// v1Fixture is a database of the first schema version with a case,
// reports, an analysis and verdicts in it.
const v1Fixture = "testdata/schema-v1.db"

// schemaOf returns what defines a database: its schema version and the
// SQL of every table, index and trigger.
func schemaOf(t *testing.T, s *Store) (int, []string) {
	t.Helper()
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	var defs []string
	err := eachRow(context.Background(), s.db, `SELECT type || ' ' || name || ': ' || coalesce(sql, '')
		FROM sqlite_schema ORDER BY type, name`, nil, func(scan func(...any) error) error {
		var d string
		defs = append(defs, d)
		return scan(&defs[len(defs)-1])
	})
	if err != nil {
		t.Fatal(err)
	}
	return version, defs
}

func TestOpenNewDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	s := mustOpenPath(t, path)
	version, defs := schemaOf(t, s)
	if version != SchemaVersion() || version < 2 {
		t.Errorf("schema version %d, want %d", version, SchemaVersion())
	}
	for _, want := range []string{"table cases", "table verdicts", "table reports_fts", "trigger verdicts_append_only"} {
		if !slices.ContainsFunc(defs, func(d string) bool { return strings.HasPrefix(d, want+":") }) {
			t.Errorf("schema lacks %s", want)
		}
	}
	scale, err := s.Scale(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(scale, DefaultScale()) {
		t.Errorf("scale of a new database = %v, want %v", scale, DefaultScale())
	}
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000"} {
		// Ask several pooled connections at once: each must have the pragma.
		conns := make([]*sql.Conn, 3)
		for i := range conns {
			c, err := s.db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			conns[i] = c
		}
		for i, c := range conns {
			var got string
			if err := c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("connection %d: PRAGMA %s = %s, want %s", i, pragma, got, want)
			}
		}
	}
}

func TestSecondOpenChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "twice.db")
	s := mustOpenPath(t, path)
	sampleCase(t, s)
	_, before := schemaOf(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s = mustOpenPath(t, path)
	version, after := schemaOf(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if version != SchemaVersion() || !slices.Equal(before, after) {
		t.Errorf("second open changed the schema: version %d\nbefore %q\nafter  %q", version, before, after)
	}
	again, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Error("a second open changed the database file")
	}
}

// writeV1Fixture makes the first-version fixture with the code of today,
// stopping the migrations at version 1.
func writeV1Fixture(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	os.Remove(v1Fixture)
	db, err := sql.Open("sqlite", dsn(v1Fixture))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	s := &Store{db: db, path: v1Fixture}
	c, a, _ := sampleCase(t, s)
	mustRecord(t, s, c.ID, a.Groups[0].ID, "altered", "fixture note: the figure differs")
	mustRecord(t, s, c.ID, a.Groups[0].Members[0], "accurate", "")
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateFromFirstVersion(t *testing.T) {
	if *update {
		writeV1Fixture(t)
	}
	ctx := context.Background()
	data, err := os.ReadFile(v1Fixture)
	if err != nil {
		t.Fatalf("%v (run with -update to make it)", err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s := mustOpenPath(t, path)
	if version, _ := schemaOf(t, s); version != SchemaVersion() {
		t.Fatalf("schema version %d after migration, want %d", version, SchemaVersion())
	}
	cases, err := s.Cases(ctx)
	if err != nil || len(cases) != 1 || cases[0].Title != "Flood barrier" || cases[0].Reports != 4 {
		t.Fatalf("cases after migration = %+v, %v; want the fixture's case with 4 reports", cases, err)
	}
	id := cases[0].ID
	// The stored analysis is kept but stale: it lacks what later versions
	// store. Analysing again keeps the verdicts attached.
	a, err := s.LoadAnalysis(ctx, id)
	if err != nil || len(a.Groups) == 0 || !a.Stale {
		t.Fatalf("analysis after migration: %v, stale %v; want the stored one, stale", err, a != nil && a.Stale)
	}
	if a, err = s.EnsureAnalysis(ctx, id); err != nil || a.Stale {
		t.Fatalf("analysing the migrated case: %v", err)
	}
	verdicts, err := s.CurrentVerdicts(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(verdicts) != 2 || verdicts[0].Status != "altered" || verdicts[0].Orphan || verdicts[1].Orphan {
		t.Fatalf("verdicts after migration = %+v, want the fixture's two, attached", verdicts)
	}
	// Case numbers go on from the fixture's.
	if c, err := s.CreateCase(ctx, "After the migration", ""); err != nil || c.ID <= id {
		t.Errorf("a case made after the migration: number %d, %v; want one above %d", c.ID, err, id)
	}
	// The search index of the second version covers what the first held.
	for _, tc := range []struct {
		query string
		kind  HitKind
	}{{"Eastside riverbank", HitReport}, {"figure differs", HitNote}, {"barrier cost", HitQuote}} {
		hits, err := s.Search(ctx, tc.query, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(hits, func(h Hit) bool { return h.Kind == tc.kind }) {
			t.Errorf("search %q after migration: no %s among %+v", tc.query, tc.kind, hits)
		}
	}
}

func TestNewerDatabaseRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	s := mustOpenPath(t, path)
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	if !errors.Is(err, ErrNewerVersion) || !strings.Contains(err.Error(), "999") {
		t.Fatalf("Open of a newer database: %v, want ErrNewerVersion naming version 999", err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("refusing a newer database changed it")
	}
}

// readOnlyDir returns a directory this process cannot create files in:
// a read-only temporary directory or, for a superuser who may write
// anywhere, a read-only system folder.
func readOnlyDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	for _, d := range []string{dir, "/sys", "/proc"} {
		probe := filepath.Join(d, "probe")
		if err := os.WriteFile(probe, nil, 0o600); err == nil {
			os.Remove(probe)
			continue
		}
		return d
	}
	t.Skip("no folder here refuses to be written")
	return ""
}

func TestBadFiles(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		// make creates the file and returns its path.
		make func(t *testing.T) string
		want error
	}{
		{"text file", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "notes.db")
			if err := os.WriteFile(path, []byte("Minister's remarks, draft 2\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}, ErrNotDatabase},
		{"damaged first page", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "damaged.db")
			s := mustOpenPath(t, path)
			sampleCase(t, s)
			s.Close()
			damage(t, path, 100, 4096)
			return path
		}, ErrCorrupt},
		{"folder", func(t *testing.T) string { return t.TempDir() }, nil},
		{"read-only location", func(t *testing.T) string {
			return filepath.Join(readOnlyDir(t), "parallax.db")
		}, ErrReadOnly},
		{"missing folder", func(t *testing.T) string {
			return filepath.Join(t.TempDir(), "gone", "parallax.db")
		}, os.ErrNotExist},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.make(t)
			before, _ := os.ReadFile(path)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%s) succeeded", path)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Open: %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the refused file changed")
			}
		})
	}

	t.Run("damaged data page", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "damaged.db")
		s := mustOpenPath(t, path)
		c, _, _ := sampleCase(t, s)
		s.Close()
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		damage(t, path, 4096, st.Size())
		s, err = Open(path)
		if err == nil {
			defer s.Close()
			_, err = s.LoadAnalysis(ctx, c.ID)
			if err == nil {
				err = s.IntegrityCheck(ctx)
			}
		}
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("reading a damaged database: %v, want ErrCorrupt", err)
		}
	})
}

// damage overwrites bytes [from, to) of a file with a pattern.
func damage(t *testing.T, path string, from, to int64) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := from; i < to && i < int64(len(data)); i++ {
		data[i] = byte(i*7 + 3)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestMapErr(t *testing.T) {
	// Real driver errors, made by asking SQLite for them.
	s := mustOpen(t)
	_, raiseErr := s.db.Exec("SELECT RAISE(ABORT, 'x')")
	tests := []struct {
		name string
		code int
		want error
	}{
		{"not a database", sqlite3.SQLITE_NOTADB, ErrNotDatabase},
		{"corrupt", sqlite3.SQLITE_CORRUPT, ErrCorrupt},
		{"read-only", sqlite3.SQLITE_READONLY, ErrReadOnly},
		{"cannot open", sqlite3.SQLITE_CANTOPEN, ErrReadOnly},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := mapErr(errorWithCode(t, tc.code))
			if !errors.Is(err, tc.want) {
				t.Errorf("mapErr(code %d) = %v, want %v", tc.code, err, tc.want)
			}
		})
	}
	if err := mapErr(raiseErr); errors.Is(err, ErrCorrupt) || errors.Is(err, ErrReadOnly) || errors.Is(err, ErrNotDatabase) {
		t.Errorf("mapErr of an ordinary error = %v", err)
	}
}

// errorWithCode makes SQLite fail with the given result code.
func errorWithCode(t *testing.T, code int) error {
	t.Helper()
	dir := t.TempDir()
	var err error
	switch code {
	case sqlite3.SQLITE_NOTADB:
		path := filepath.Join(dir, "text.db")
		os.WriteFile(path, bytes.Repeat([]byte("not a database "), 100), 0o600)
		db, _ := sql.Open("sqlite", path)
		defer db.Close()
		_, err = db.Exec("SELECT * FROM sqlite_schema")
	case sqlite3.SQLITE_CORRUPT:
		path := filepath.Join(dir, "c.db")
		s := mustOpenPath(t, path)
		sampleCase(t, s)
		s.Close()
		damage(t, path, 100, 4096)
		db, _ := sql.Open("sqlite", path)
		defer db.Close()
		_, err = db.Exec("SELECT * FROM cases")
	case sqlite3.SQLITE_READONLY:
		path := filepath.Join(dir, "ro.db")
		mustOpenPath(t, path).Close()
		db, _ := sql.Open("sqlite", "file:"+path+"?mode=ro")
		defer db.Close()
		_, err = db.Exec("INSERT INTO scale (position, status) VALUES (99, 'x')")
	case sqlite3.SQLITE_CANTOPEN:
		db, _ := sql.Open("sqlite", "file:"+filepath.Join(dir, "missing", "x.db")+"?mode=ro")
		defer db.Close()
		err = db.Ping()
	}
	var se *sqlite.Error
	if !errors.As(err, &se) || se.Code()&0xff != code {
		t.Fatalf("wanted an SQLite error with code %d, got %v", code, err)
	}
	return err
}
