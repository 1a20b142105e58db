package cli

import (
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-review/parallax/storage"
)

// step is one command of a scenario and what it must print.
type step struct {
	name string
	args []string
	code int
	// out and errOut must appear in standard output and error.
	out, errOut []string
}

// runSteps runs a scenario's commands in order, each as a subtest.
func runSteps(t *testing.T, db string, steps []step) {
	t.Helper()
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			args := append([]string{st.args[0]}, st.args[1:]...)
			// Subcommand families take the subcommand before the options.
			at := 1
			if _, family := map[string]bool{"case": true, "verdict": true}[args[0]]; family {
				at = 2
			}
			args = append(args[:at], append([]string{"--db", db}, args[at:]...)...)
			code, out, errOut := run(args...)
			if code != st.code {
				t.Fatalf("parallax %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(st.args, " "), code, st.code, out, errOut)
			}
			for _, want := range st.out {
				if !strings.Contains(out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, out)
				}
			}
			for _, want := range st.errOut {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
		})
	}
}

func TestCaseWorkflow(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "parallax.db")
	other := filepath.Join(dir, "other.db")
	bundle := filepath.Join(dir, "flood.parallax")
	csvFile := filepath.Join(dir, "flood.csv")
	add := append([]string{"case", "add", "1"}, sampleArgs(t)...)
	runSteps(t, db, []step{
		{"no cases", []string{"case", "list"}, 0, []string{"No cases yet"}, nil},
		{"new", []string{"case", "new", "--description", "The mayor's remarks", "Flood", "barrier"}, 0, []string{"Created case 1: Flood barrier"}, nil},
		{"add", add, 0, []string{"Added report 1: Office of the Mayor", "Added report 5", "Analysis (engine"}, nil},
		{"add again", add, 1, nil, []string{"already in the case"}},
		{"list", []string{"case", "list"}, 0, []string{"1     5        ", "Flood barrier"}, nil},
		{"show", []string{"case", "show", "1"}, 0, []string{"Case 1: Flood barrier", "The mayor's remarks", "★ 1", "Verdicts: 0"}, nil},
		{"analyze", []string{"case", "analyze", "1"}, 0, []string{"g1 quote", "⚑ number"}, nil},
		{"analyze json", []string{"case", "analyze", "--format", "json", "1"}, 0, []string{`"engine"`, `"groups"`}, nil},
		{"verdict", []string{"verdict", "set", "--note", "Courier has 84", "--evidence", "https://council.example/minutes", "1", "g1", "altered"}, 0, []string{"g1: altered"}, nil},
		{"verdict by number", []string{"verdict", "set", "1", "g1", "2"}, 0, []string{"g1: minor difference (was: altered)"}, nil},
		{"verdict on a rendering", []string{"verdict", "set", "1", "q1", "accurate"}, 0, []string{"q1: accurate"}, nil},
		{"history", []string{"verdict", "history", "1", "g1"}, 0, []string{"altered", "minor difference", "note: Courier has 84", "evidence: https://council.example/minutes"}, nil},
		{"show verdicts", []string{"case", "show", "1"}, 0, []string{"Verdicts: 2", "g1      minor difference"}, nil},
		{"search", []string{"search", "84"}, 0, []string{"quote", "note (verdict 1)", "[84]"}, nil},
		{"search nothing", []string{"search", "zeppelin"}, 0, []string{"No matches."}, nil},
		{"export csv", []string{"export", "--format", "csv", "--out", csvFile, "1"}, 0, nil, nil},
		{"export md", []string{"export", "--format", "md", "1"}, 0, []string{"# Flood barrier", "~~48~~**84**"}, nil},
		{"export json", []string{"export", "--format", "json", "1"}, 0, []string{`"format": "parallax-case"`}, nil},
		{"export claimreview", []string{"export", "--format", "claimreview", "--org", "Harbour Checks", "--url", "https://checks.example/flood", "1"}, 0,
			[]string{`"@type": "ClaimReview"`, `"alternateName": "minor difference"`}, nil},
		{"claimreview without org", []string{"export", "--format", "claimreview", "1"}, 1, nil, []string{"needs --org"}},
		{"export bundle", []string{"export", "--format", "bundle", "--out", bundle, "1"}, 0, []string{"Wrote case 1 to " + bundle}, nil},
		{"remove report", []string{"case", "remove", "1", "1"}, 0, []string{"Removed report 1", "Analysis"}, nil},
		{"orphans shown", []string{"case", "show", "1"}, 0, []string{"Orphaned verdicts: 2"}, nil},
		{"scale", []string{"verdict", "scale"}, 0, []string{"1  accurate", "7  unverified"}, nil},
		{"scale set", []string{"verdict", "scale", "--set", "true=3, half true=2, false=1, unproven=0"}, 0, []string{"2  half true"}, nil},
	})
	runSteps(t, other, []step{
		{"import", []string{"import", bundle}, 0, []string{"added as case 1 “Flood barrier”: 5 reports and 3 verdict records added"}, nil},
		{"import again", []string{"import", bundle}, 0, []string{"merged into case 1 “Flood barrier”: 0 reports and 0 verdict records added"}, nil},
		{"imported history", []string{"verdict", "history", "1"}, 0, []string{"altered", "minor difference", "accurate"}, nil},
	})

	f, err := os.Open(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 5 || rows[0][0] != "case" {
		t.Errorf("CSV export: %d rows, %v", len(rows), err)
	}
}

func TestCaseBadInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "parallax.db")
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte("my notes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer.parallax")
	{
		s, err := storage.Open(newer)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		code, _, errOut := run("case", "new", "--db", newer, "x") // a case, so only the version is wrong
		if code != 0 {
			t.Fatal(errOut)
		}
		setUserVersion(t, newer, 999)
	}
	sample := sampleArgs(t)[2:]
	runSteps(t, db, []step{
		{"new without title", []string{"case", "new"}, 2, nil, []string{"Usage: parallax case new"}},
		{"new", []string{"case", "new", "Flood"}, 0, nil, nil},
		{"unknown subcommand", []string{"case", "open", "1"}, 1, nil, []string{`unknown command "open"`}},
		{"case not a number", []string{"case", "show", "first"}, 1, nil, []string{`case "first" is not a number`}},
		{"no such case", []string{"case", "show", "7"}, 1, nil, []string{"case 7: not found"}},
		{"a bad file among good ones", []string{"case", "add", "1", sample[0], empty}, 1, nil, []string{empty}},
		{"nothing added", []string{"case", "show", "1"}, 0, []string{"none yet"}, nil},
		{"missing file", []string{"case", "add", "1", filepath.Join(dir, "missing.txt")}, 1, nil, []string{"missing.txt"}},
		{"add", append([]string{"case", "add", "1"}, sample...), 0, nil, nil},
		// An operand too many is refused, not dropped: "show 1 2" shows no case 2.
		{"show two cases", []string{"case", "show", "1", "2"}, 2, nil, []string{"Usage: parallax case show"}},
		{"analyze two cases", []string{"case", "analyze", "1", "2"}, 2, nil, []string{"Usage: parallax case analyze"}},
		{"export two cases", []string{"export", "--format", "csv", "1", "2"}, 2, nil, []string{"Usage: parallax export"}},
		{"history of two refs", []string{"verdict", "history", "1", "g1", "g2"}, 2, nil, []string{"Usage: parallax verdict history"}},
		{"unknown status", []string{"verdict", "set", "1", "g1", "wrong"}, 1, nil, []string{`"wrong" is not a status on the verdict scale`, "1 accurate"}},
		{"unknown ref", []string{"verdict", "set", "1", "g999", "accurate"}, 1, nil, []string{`no quote, claim or group "g999"`}},
		{"bad evidence", []string{"verdict", "set", "--evidence", "minutes.pdf", "1", "g1", "accurate"}, 1, nil, []string{"not an absolute http or https URL"}},
		{"bad scale", []string{"verdict", "scale", "--set", "a=1,b"}, 1, nil, []string{`scale entry "b"`}},
		{"unknown format", []string{"export", "--format", "xml", "1"}, 1, nil, []string{`unknown format "xml"`}},
		{"export to a missing folder", []string{"export", "--format", "csv", "--out", filepath.Join(dir, "gone", "case.csv"), "1"}, 1, nil,
			[]string{"write " + filepath.Join(dir, "gone", "case.csv")}},
		{"newer bundle", []string{"import", newer}, 1, nil, []string{"newer version of Parallax"}},
		{"text file as bundle", []string{"import", notDB}, 1, nil, []string{"not a Parallax database"}},
		{"still one case, five reports", []string{"case", "list"}, 0, []string{"1     5 "}, nil},
	})
	for _, tc := range []struct {
		name, db, want string
	}{
		{"text file as database", notDB, "not a Parallax database"},
		{"newer database", newer, "newer version of Parallax"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(tc.db)
			code, _, errOut := run("case", "list", "--db", tc.db)
			if code != 1 || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, tc.db) {
				t.Errorf("exit %d, stderr %q; want 1 and %q naming the file", code, errOut, tc.want)
			}
			if after, _ := os.ReadFile(tc.db); string(after) != string(before) {
				t.Error("the refused file changed")
			}
		})
	}
}

func TestCaseRenameDelete(t *testing.T) {
	db := filepath.Join(t.TempDir(), "parallax.db")
	runSteps(t, db, []step{
		{"new", []string{"case", "new", "--description", "The mayor's remarks", "Flood", "barrier"}, 0, nil, nil},
		{"new other", []string{"case", "new", "Other"}, 0, nil, nil},
		{"new third", []string{"case", "new", "--description", "Drop me", "Budget"}, 0, []string{"Created case 3: Budget"}, nil},
		{"add", append([]string{"case", "add", "1"}, sampleArgs(t)...), 0, nil, nil},
		{"rename", []string{"case", "rename", "1", "Flood", "barrier", "vote"}, 0,
			[]string{"Renamed case 1: Flood barrier vote (was: Flood barrier)"}, nil},
		{"description kept", []string{"case", "show", "1"}, 0, []string{"Case 1: Flood barrier vote", "The mayor's remarks"}, nil},
		{"rename with description", []string{"case", "rename", "1", "--description", "  The council's vote ", "Flood barrier vote"}, 0, nil, nil},
		{"description changed", []string{"case", "show", "1"}, 0, []string{"Case 1: Flood barrier vote\nThe council's vote\n"}, nil},
		{"renamed first in the list", []string{"case", "list"}, 0, []string{"TITLE\n1 "}, nil},
		{"empty title", []string{"case", "rename", "1", " "}, 1, nil, []string{"update case 1: the title is empty"}},
		{"no title", []string{"case", "rename", "1"}, 2, nil, []string{"Usage: parallax case rename"}},
		{"rename a missing case", []string{"case", "rename", "9", "Anything"}, 1, nil, []string{"case 9: not found"}},
		{"verdict", []string{"verdict", "set", "1", "g1", "altered"}, 0, nil, nil},
		{"verdict changed", []string{"verdict", "set", "1", "g1", "accurate"}, 0, nil, nil},
		{"delete refused", []string{"case", "delete", "1"}, 1, nil, []string{
			"deleting case 1 “Flood barrier vote” would lose 1 verdict (2 records counting their history)",
			"parallax export --format bundle --out FILE 1", "parallax case delete --yes 1"}},
		{"still there", []string{"case", "show", "1"}, 0, []string{"Verdicts: 1"}, nil},
		{"two at once", []string{"case", "delete", "--yes", "1", "2"}, 2, nil, []string{"Usage: parallax case delete"}},
		{"delete", []string{"case", "delete", "--yes", "1"}, 0, []string{"Deleted case 1: Flood barrier vote (5 reports, 1 verdict)"}, nil},
		{"gone", []string{"case", "show", "1"}, 1, nil, []string{"case 1: not found"}},
		{"its verdicts gone from search", []string{"search", "accurate"}, 0, []string{"No matches."}, nil},
		{"delete again", []string{"case", "delete", "--yes", "1"}, 1, nil, []string{"case 1: not found"}},
		{"delete without verdicts", []string{"case", "delete", "2"}, 0, []string{"Deleted case 2: Other (0 reports, 0 verdicts)"}, nil},
	})

	// An empty --description clears it.
	runSteps(t, db, []step{
		{"clear", []string{"case", "rename", "--description", "", "3", "Budget"}, 0, nil, nil},
	})
	if code, out, errOut := run("case", "show", "--db", db, "3"); code != 0 || strings.Contains(out, "Drop me") {
		t.Errorf("case show after clearing the description: exit %d\n%s%s", code, out, errOut)
	}
}

// setUserVersion stamps a database with a schema version, as a newer
// Parallax would.
func setUserVersion(t *testing.T, path string, v int) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatal(err)
	}
}

func TestExportJSONIsValid(t *testing.T) {
	db := filepath.Join(t.TempDir(), "parallax.db")
	runSteps(t, db, []step{
		{"new", []string{"case", "new", "Flood"}, 0, nil, nil},
		{"add", append([]string{"case", "add", "1"}, sampleArgs(t)...), 0, nil, nil},
	})
	code, out, errOut := run("export", "--db", db, "--format", "json", "1")
	if code != 0 {
		t.Fatal(errOut)
	}
	var doc storage.CaseDocument
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Analysis == nil || len(doc.Reports) != 5 {
		t.Errorf("export json: %v, %d reports", err, len(doc.Reports))
	}
}
