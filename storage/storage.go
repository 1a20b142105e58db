// Package storage keeps Parallax's cases in one SQLite database: each
// case's reports, the latest analysis of them, and the append-only history
// of the reviewers' verdicts. It searches them and exports them as CSV,
// JSON, Markdown, schema.org ClaimReview and .parallax bundles.
//
// The database is a single file; every connection runs with foreign keys,
// a busy timeout and write-ahead logging, and writes take the write lock
// when they begin, so two processes can write to one file at once.
package storage

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors callers can test for with errors.Is.
var (
	// ErrNotFound reports a case, report, group or rendering that does not exist.
	ErrNotFound = errors.New("not found")
	// ErrNewerVersion reports a database or bundle written by a newer
	// Parallax. It is left as it is.
	ErrNewerVersion = errors.New("written by a newer version of Parallax; update Parallax to open it")
	// ErrNotDatabase reports a file that is not an SQLite database.
	ErrNotDatabase = errors.New("not a Parallax database (not an SQLite file)")
	// ErrCorrupt reports a database file that is damaged.
	ErrCorrupt = errors.New("the database file is damaged")
	// ErrReadOnly reports a database that cannot be written where it is.
	ErrReadOnly = errors.New("the database cannot be written there (read-only file or folder)")
	// ErrDuplicate reports a report already in the case.
	ErrDuplicate = errors.New("already in the case")
	// ErrNoAnalysis reports a case that has not been analysed since its
	// reports last changed.
	ErrNoAnalysis = errors.New("the case has no analysis")
	// ErrUnknownStatus reports a verdict status that is not on the scale.
	ErrUnknownStatus = errors.New("not a status on the verdict scale")
)

// busyTimeout is how long a statement waits for another connection's
// write lock before it fails.
const busyTimeout = 10 * time.Second

// Store is an open Parallax database. Its methods are safe for concurrent
// use.
type Store struct {
	db   *sql.DB
	path string
}

// DefaultPath returns the database the app and the commands use unless
// told otherwise, in the user's configuration directory, creating the
// directory if need be.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the configuration directory: %w", err)
	}
	dir = filepath.Join(dir, "parallax")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create %s: %w", dir, err)
	}
	return filepath.Join(dir, "parallax.db"), nil
}

// Open opens the database at path, creating it if it does not exist, and
// brings its schema up to date. A file that is not an SQLite database, is
// damaged or was written by a newer Parallax is refused and left as it is.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open database: no path given")
	}
	if err := checkFile(path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrateWhenFree(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, mapErr(err))
	}
	return s, nil
}

// migrateWhenFree brings the schema up to date, trying again while the
// database answers busy. SQLite's busy timeout covers statements, but a
// connection that switches a new database to WAL while another connection
// sets it up can be refused at once; such a refusal lasts only as long as
// the other's set-up, so a short wait and another try get through.
func (s *Store) migrateWhenFree(ctx context.Context) error {
	deadline := time.Now().Add(busyTimeout)
	for {
		err := s.migrate(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// isBusy tells whether err is SQLite's refusal of a database another
// connection holds.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// dsn is the data source name of the database at path: every pooled
// connection gets the same pragmas, and writing transactions take the
// write lock at BEGIN so that two writers wait for each other instead of
// failing.
func dsn(path string) string {
	escape := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + escape.Replace(path) +
		"?_pragma=foreign_keys(1)" +
		fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeout.Milliseconds()) +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(FULL)" +
		"&_txlock=immediate"
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkFile refuses a path that is a folder or a file that is not an
// SQLite database, before SQLite gets to touch it. A missing or empty file
// is fine: it becomes a new database, when its folder is there.
func checkFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		// A new database, which SQLite creates, but not its folder: say
		// so rather than let SQLite's "unable to open" read as read-only.
		if dir := filepath.Dir(path); !isDir(dir) {
			return fmt.Errorf("the folder %s does not exist: %w", dir, os.ErrNotExist)
		}
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return errors.New("is a folder, not a database file")
	}
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && (err == io.EOF):
		return nil
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return err
	case !bytes.Equal(head[:n], sqliteHeader):
		return ErrNotDatabase
	}
	return nil
}

// isDir tells whether path is a folder.
func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// IntegrityCheck runs SQLite's integrity check and returns an error
// listing what it found unless the database is sound.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("check %s: %w", s.path, mapErr(err))
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("check %s: %w", s.path, mapErr(err))
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("check %s: %w", s.path, mapErr(err))
	}
	if len(problems) > 0 {
		return fmt.Errorf("check %s: %w: %s", s.path, ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// mapErr turns the SQLite errors a user can meet into the package's
// sentinel errors, keeping SQLite's message.
func mapErr(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("%w: %v", ErrNotDatabase, err)
	case sqlite3.SQLITE_CORRUPT:
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
		return fmt.Errorf("%w: %v", ErrReadOnly, err)
	}
	return err
}

// inTx runs fn in a write transaction and commits it when fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return mapErr(err)
	}
	return mapErr(tx.Commit())
}

// timeFormat is how times are stored: UTC, fixed width, so that the text
// sorts as the times do.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

func parseTime(s string) time.Time {
	t, err := time.Parse(timeFormat, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}

// newUID returns a random identifier, unique across databases, so that
// cases and verdicts keep their identity when bundles move between
// machines.
func newUID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}
