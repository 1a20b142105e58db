package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrationFiles holds the schema changes, one SQL file each, named
// NNNN_what.sql; NNNN is the schema version the file brings the database to.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// schema is the schema changes in order. The files are embedded, so a badly
// named one fails every test of the package and cannot ship.
var schema = mustLoadMigrations()

func mustLoadMigrations() []migration {
	ms, err := loadMigrations()
	if err != nil {
		panic(err)
	}
	return ms
}

// loadMigrations reads the embedded schema changes and orders them.
func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v < 1 {
			return nil, fmt.Errorf("migration %s: name must start with its version, as 0001_name.sql", base)
		}
		data, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(data)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion is the schema version this Parallax writes.
func SchemaVersion() int { return len(schema) }

// migrate applies every migration the database lacks, each in its own
// transaction that also records the new version (PRAGMA user_version), so
// a failed migration leaves the database at the previous version. A
// database of a newer version is refused untouched.
func (s *Store) migrate(ctx context.Context) error {
	return migrateTo(ctx, s.db, -1)
}

// migrateTo applies the migrations up to version target, or all of them
// when target is negative.
func migrateTo(ctx context.Context, db *sql.DB, target int) error {
	if target < 0 {
		target = len(schema)
	}
	for {
		done, err := migrateOne(ctx, db, schema, target)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration below target, if any, and tells
// whether there was none left to apply. It reads the version inside the
// write transaction, so two processes opening one database at once do not
// both apply the same migration.
func migrateOne(ctx context.Context, db *sql.DB, ms []migration, target int) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if version > len(ms) {
		return false, fmt.Errorf("schema version %d, this Parallax knows up to %d: %w", version, len(ms), ErrNewerVersion)
	}
	if version >= target {
		return true, nil
	}
	m := ms[version]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return false, fmt.Errorf("migration %s: record version: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	return false, nil
}
