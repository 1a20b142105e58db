package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parallax-review/parallax/compare"
)

// Scope says what a verdict is about.
type Scope string

// The scopes of a verdict.
const (
	// ScopeMember is one report's rendering of a quote or claim.
	ScopeMember Scope = "member"
	// ScopeGroup is a quote or claim across all the reports.
	ScopeGroup Scope = "group"
)

// Target names what a verdict is about independently of any analysis: the
// quote or claim by its report's content hash, its kind, text and span. A
// group is named by the member that was its reference when the verdict
// was given.
type Target struct {
	Scope      Scope
	ReportHash string
	Kind       compare.Kind
	Text       string
	compare.Span
	// Members lists, for a group, the identities of its members when the
	// verdict was given (see MemberID), to tell apart groups that share a
	// reference member.
	Members []string
}

// MemberID is the identity of a quote or claim across analyses: its
// report's content hash, its kind and its span (which, with the report,
// fix its text).
func MemberID(reportHash string, kind compare.Kind, span compare.Span) string {
	return fmt.Sprintf("%s|%s|%d|%d", reportHash, kind, span.Start, span.End)
}

// key identifies the target exactly.
func (t Target) key() string {
	return fmt.Sprintf("%s|%s|%s|%d|%d|%s|%s", t.Scope, t.ReportHash, t.Kind, t.Start, t.End, t.Text,
		strings.Join(t.Members, ","))
}

// Verdict is one entry of a verdict history.
type Verdict struct {
	ID int64
	// UID identifies the entry across databases.
	UID    string
	CaseID int64
	Target Target
	// Status is a status of the scale, as the scale spells it.
	Status   string
	Note     string
	Evidence []string
	Reviewer string
	Time     time.Time
	// Ref is the member ("q3", "c5") or group ("g2") of the case's stored
	// analysis the verdict is attached to, "" when it is orphaned.
	Ref string
	// Orphan tells that the stored analysis no longer has the quote or
	// claim the verdict is about. The verdict is kept and shown.
	Orphan bool
}

// VerdictInput is what a reviewer gives for a verdict.
type VerdictInput struct {
	// Status must be a status of the scale, in any letter case.
	Status string
	Note   string
	// Evidence lists absolute http or https URLs.
	Evidence []string
	Reviewer string
}

// RecordVerdict adds a verdict on ref, a member ("q3", "c5") or a group
// ("g2") of the case's stored analysis, to the case's history. The
// history is append-only: the new entry becomes the current verdict.
func (s *Store) RecordVerdict(ctx context.Context, caseID int64, ref string, in VerdictInput) (Verdict, error) {
	var v Verdict
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		status, err := scaleStatus(ctx, tx, in.Status)
		if err != nil {
			return err
		}
		evidence, err := checkEvidence(in.Evidence)
		if err != nil {
			return err
		}
		t, err := resolveRef(ctx, tx, caseID, ref)
		if err != nil {
			return err
		}
		// The newest entry is the current verdict: never let a clock
		// that went back make a new entry look older than the last one.
		now := time.Now().UTC()
		var last sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT max(created_at) FROM verdicts WHERE case_id = ?`, caseID).Scan(&last); err != nil {
			return err
		}
		if t := parseTime(last.String); last.Valid && !now.After(t) {
			now = t.Add(time.Nanosecond)
		}
		v = Verdict{UID: newUID(), CaseID: caseID, Target: t, Status: status, Note: strings.TrimSpace(in.Note),
			Evidence: evidence, Reviewer: strings.TrimSpace(in.Reviewer), Time: now, Ref: ref}
		if v.ID, err = insertVerdict(ctx, tx, v); err != nil {
			return err
		}
		return touchCase(ctx, tx, caseID)
	})
	if err != nil {
		return Verdict{}, fmt.Errorf("record verdict on %s of case %d: %w", ref, caseID, err)
	}
	return v, nil
}

// insertVerdict appends one entry to the history and returns its row ID.
func insertVerdict(ctx context.Context, tx *sql.Tx, v Verdict) (int64, error) {
	evidence, err := json.Marshal(nonNil(v.Evidence))
	if err != nil {
		return 0, err
	}
	t := v.Target
	members, err := json.Marshal(nonNil(t.Members))
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO verdicts (uid, case_id, scope, report_hash, kind, text,
		start_at, end_at, members, status, note, evidence, reviewer, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		v.UID, v.CaseID, t.Scope, t.ReportHash, t.Kind, t.Text, t.Start, t.End, string(members), v.Status, v.Note,
		string(evidence), v.Reviewer, formatTime(v.Time))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// checkEvidence trims the evidence URLs, drops empty ones and refuses
// any that is not an absolute http or https URL.
func checkEvidence(urls []string) ([]string, error) {
	var out []string
	for _, u := range urls {
		u = strings.TrimSpace(u)
		if u == "" {
			continue
		}
		if !absoluteURL(u) {
			return nil, fmt.Errorf("evidence %q is not an absolute http or https URL", u)
		}
		out = append(out, u)
	}
	return out, nil
}

// resolveRef returns the target of a member or group of the case's stored
// analysis.
func resolveRef(ctx context.Context, tx *sql.Tx, caseID int64, ref string) (Target, error) {
	scope := ScopeMember
	item := ref
	var groupRef string
	err := tx.QueryRowContext(ctx, `SELECT reference, (SELECT item FROM group_members m WHERE m.group_id = g.id
		ORDER BY position LIMIT 1) FROM item_groups g WHERE case_id = ? AND ref = ?`, caseID, ref).Scan(&item, &groupRef)
	switch {
	case err == nil:
		scope = ScopeGroup
		if item == "" {
			item = groupRef
		}
	case !errors.Is(err, sql.ErrNoRows):
		return Target{}, err
	}
	t := Target{Scope: scope}
	err = tx.QueryRowContext(ctx, `SELECT r.hash, i.kind, i.text, i.start_at, i.end_at FROM items i
		JOIN reports r ON r.id = i.report_id WHERE i.case_id = ? AND i.ref = ?`, caseID, item).
		Scan(&t.ReportHash, &t.Kind, &t.Text, &t.Start, &t.End)
	if errors.Is(err, sql.ErrNoRows) {
		if err := checkCase(ctx, tx, caseID); err != nil {
			return Target{}, err
		}
		return Target{}, fmt.Errorf("no quote, claim or group %q in the case's analysis: %w", ref, ErrNotFound)
	}
	if err != nil || scope == ScopeMember {
		return t, err
	}
	err = eachRow(ctx, tx, `SELECT r.hash, i.kind, i.start_at, i.end_at FROM item_groups g
		JOIN group_members m ON m.group_id = g.id JOIN items i ON i.case_id = g.case_id AND i.ref = m.item
		JOIN reports r ON r.id = i.report_id WHERE g.case_id = ? AND g.ref = ? ORDER BY m.position`,
		[]any{caseID, ref}, func(scan func(...any) error) error {
			var hash string
			var kind compare.Kind
			var span compare.Span
			if err := scan(&hash, &kind, &span.Start, &span.End); err != nil {
				return err
			}
			t.Members = append(t.Members, MemberID(hash, kind, span))
			return nil
		})
	return t, err
}

// CurrentVerdicts returns the current verdict of every target of a case,
// attached to the case's stored analysis: the newest entry of each member
// or group, and of each orphaned target.
func (s *Store) CurrentVerdicts(ctx context.Context, caseID int64) ([]Verdict, error) {
	all, err := s.AllVerdicts(ctx, caseID)
	if err != nil {
		return nil, err
	}
	return Current(all), nil
}

// Current keeps the current entries of a history that AllVerdicts gave:
// the newest of each member or group, and of each orphaned target. It is
// CurrentVerdicts for a caller that has the whole history already.
func Current(all []Verdict) []Verdict {
	last := map[string]int{}
	var order []string
	for i, v := range all {
		k := v.attachKey()
		if _, ok := last[k]; !ok {
			order = append(order, k)
		}
		last[k] = i
	}
	out := make([]Verdict, 0, len(order))
	for _, k := range order {
		out = append(out, all[last[k]])
	}
	return out
}

// attachKey groups a history by what its entries are attached to now.
func (v *Verdict) attachKey() string {
	if v.Orphan {
		return "orphan|" + v.Target.key()
	}
	return string(v.Target.Scope) + "|" + v.Ref
}

// History returns every entry of the history of ref, a member or group of
// the case's stored analysis, oldest first.
func (s *Store) History(ctx context.Context, caseID int64, ref string) ([]Verdict, error) {
	all, err := s.AllVerdicts(ctx, caseID)
	if err != nil {
		return nil, err
	}
	var out []Verdict
	for _, v := range all {
		if !v.Orphan && v.Ref == ref {
			out = append(out, v)
		}
	}
	return out, nil
}

// AllVerdicts returns a case's whole verdict history, oldest first, each
// entry attached to the case's stored analysis or marked orphaned.
func (s *Store) AllVerdicts(ctx context.Context, caseID int64) ([]Verdict, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("verdicts of case %d: %w", caseID, mapErr(err))
	}
	defer tx.Rollback()
	all, err := queryVerdicts(ctx, tx, caseID)
	if err != nil {
		return nil, fmt.Errorf("verdicts of case %d: %w", caseID, mapErr(err))
	}
	return all, nil
}

func queryVerdicts(ctx context.Context, tx *sql.Tx, caseID int64) ([]Verdict, error) {
	if err := checkCase(ctx, tx, caseID); err != nil {
		return nil, err
	}
	var all []Verdict
	err := eachRow(ctx, tx, `SELECT id, uid, scope, report_hash, kind, text, start_at, end_at, members, status,
		note, evidence, reviewer, created_at FROM verdicts WHERE case_id = ? ORDER BY created_at, uid`, []any{caseID},
		func(scan func(...any) error) error {
			v := Verdict{CaseID: caseID}
			t := &v.Target
			var members, evidence, created string
			if err := scan(&v.ID, &v.UID, &t.Scope, &t.ReportHash, &t.Kind, &t.Text, &t.Start, &t.End, &members,
				&v.Status, &v.Note, &evidence, &v.Reviewer, &created); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(evidence), &v.Evidence); err != nil {
				return fmt.Errorf("verdict %d: evidence: %w", v.ID, err)
			}
			if err := json.Unmarshal([]byte(members), &t.Members); err != nil {
				return fmt.Errorf("verdict %d: members: %w", v.ID, err)
			}
			if len(t.Members) == 0 {
				t.Members = nil
			}
			v.Time = parseTime(created)
			all = append(all, v)
			return nil
		})
	if err != nil {
		return nil, err
	}
	at, err := loadAttacher(ctx, tx, caseID)
	if err != nil {
		return nil, err
	}
	for i := range all {
		all[i].Ref = at.attach(all[i].Target)
		all[i].Orphan = all[i].Ref == ""
	}
	return all, nil
}

// attacher finds the members and groups of a stored analysis that
// verdict targets name.
type attacher struct {
	// exact maps a member target's key to its member.
	exact map[string]string
	// byText lists the members with a report hash, kind and text.
	byText map[string][]placed
	// id maps a member to its MemberID.
	id map[string]string
	// groupsOf lists the groups a member is in.
	groupsOf map[string][]string
	// members lists the members of a group.
	members map[string][]string
}

// placed is a member and where it starts.
type placed struct {
	ref   string
	start int
}

func loadAttacher(ctx context.Context, tx *sql.Tx, caseID int64) (*attacher, error) {
	at := &attacher{exact: map[string]string{}, byText: map[string][]placed{}, id: map[string]string{},
		groupsOf: map[string][]string{}, members: map[string][]string{}}
	err := eachRow(ctx, tx, `SELECT i.ref, r.hash, i.kind, i.text, i.start_at, i.end_at FROM items i
		JOIN reports r ON r.id = i.report_id WHERE i.case_id = ?`, []any{caseID},
		func(scan func(...any) error) error {
			var ref string
			t := Target{Scope: ScopeMember}
			if err := scan(&ref, &t.ReportHash, &t.Kind, &t.Text, &t.Start, &t.End); err != nil {
				return err
			}
			at.exact[t.key()] = ref
			tk := textKey(t)
			at.byText[tk] = append(at.byText[tk], placed{ref, t.Start})
			at.id[ref] = MemberID(t.ReportHash, t.Kind, t.Span)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT m.item, g.ref FROM group_members m JOIN item_groups g ON g.id = m.group_id
		WHERE g.case_id = ? ORDER BY g.id, m.position`, []any{caseID}, func(scan func(...any) error) error {
		var item, group string
		if err := scan(&item, &group); err != nil {
			return err
		}
		at.groupsOf[item] = append(at.groupsOf[item], group)
		at.members[group] = append(at.members[group], item)
		return nil
	})
	return at, err
}

func textKey(t Target) string { return t.ReportHash + "|" + string(t.Kind) + "|" + t.Text }

// attach returns the member or group a target names, or "" when the
// analysis no longer has it. A quote or claim is found by its exact span
// or else, when a newer engine drew its bounds differently, by the same
// text in the same report nearest its old place. A group is the one that
// holds the target's quote or claim and most of its former members.
func (at *attacher) attach(t Target) string {
	m := Target{Scope: ScopeMember, ReportHash: t.ReportHash, Kind: t.Kind, Text: t.Text, Span: t.Span}
	ref, ok := at.exact[m.key()]
	if !ok {
		best := -1
		for _, p := range at.byText[textKey(m)] {
			if d := abs(p.start - t.Start); best < 0 || d < best {
				best, ref = d, p.ref
			}
		}
	}
	if t.Scope != ScopeGroup {
		return ref
	}
	group, best := "", -1
	for _, g := range at.groupsOf[ref] {
		shared := 0
		for _, member := range at.members[g] {
			if slices.Contains(t.Members, at.id[member]) {
				shared++
			}
		}
		if shared > best {
			group, best = g, shared
		}
	}
	return group
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
