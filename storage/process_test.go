package storage

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The test binary runs as a child process that records verdicts when
// childMode is set in its environment; the other variables say where and
// how many.
const (
	childMode    = "PARALLAX_STORAGE_CHILD"
	childDB      = "PARALLAX_STORAGE_DB"
	childCase    = "PARALLAX_STORAGE_CASE"
	childRefs    = "PARALLAX_STORAGE_REFS"
	childPrefix  = "PARALLAX_STORAGE_PREFIX"
	childCount   = "PARALLAX_STORAGE_COUNT"
	childAnalyze = "PARALLAX_STORAGE_ANALYZE_EVERY"
)

func TestMain(m *testing.M) {
	if os.Getenv(childMode) == "record" {
		os.Exit(recordVerdicts())
	}
	os.Exit(m.Run())
}

// recordVerdicts is the child process: it records verdicts on the refs in
// turn, count of them or until killed, printing "committed UID" once each
// is committed. Every n-th verdict it analyses the case again first when
// asked to. Any error goes to standard error and ends it with status 1.
func recordVerdicts() int {
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	caseID, err := strconv.ParseInt(os.Getenv(childCase), 10, 64)
	if err != nil {
		return fail(err)
	}
	count, _ := strconv.Atoi(os.Getenv(childCount))
	analyzeEvery, _ := strconv.Atoi(os.Getenv(childAnalyze))
	refs := strings.Split(os.Getenv(childRefs), ",")
	s, err := Open(os.Getenv(childDB))
	if err != nil {
		return fail(err)
	}
	defer s.Close()
	ctx := context.Background()
	scale := DefaultScale()
	out := os.Stdout
	for i := 0; count == 0 || i < count; i++ {
		if analyzeEvery > 0 && i%analyzeEvery == 0 {
			if _, err := s.Analyze(ctx, caseID); err != nil {
				return fail(err)
			}
		}
		v, err := s.RecordVerdict(ctx, caseID, refs[i%len(refs)], VerdictInput{
			Status: scale[i%len(scale)].Name, Note: fmt.Sprintf("%s-%d", os.Getenv(childPrefix), i), Reviewer: "child"})
		if err != nil {
			return fail(err)
		}
		if _, err := fmt.Fprintf(out, "committed %s\n", v.UID); err != nil {
			return fail(err)
		}
	}
	return 0
}

// childCmd returns a command that runs this test binary as a recording
// child on the case's database.
func childCmd(t *testing.T, path string, caseID int64, refs []string, prefix string, count, analyzeEvery int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(),
		childMode+"=record", childDB+"="+path, childCase+"="+strconv.FormatInt(caseID, 10),
		childRefs+"="+strings.Join(refs, ","), childPrefix+"="+prefix,
		childCount+"="+strconv.Itoa(count), childAnalyze+"="+strconv.Itoa(analyzeEvery))
	return cmd
}

// committedUIDs reads the UIDs a child reported committed. A line cut off
// by the kill has no newline and does not count.
func committedUIDs(out []byte) []string {
	var uids []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if uid, ok := strings.CutPrefix(sc.Text(), "committed "); ok && len(uid) == 32 {
			uids = append(uids, uid)
		}
	}
	if len(out) > 0 && out[len(out)-1] != '\n' && len(uids) > 0 {
		uids = uids[:len(uids)-1] // the last line was not finished
	}
	return uids
}

// reviewRefs sets up a reviewed case in a new database file and returns
// the file, the case and refs of members and groups to record verdicts on.
func reviewRefs(t *testing.T) (string, int64, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parallax.db")
	s := mustOpenPath(t, path)
	c, a, _ := sampleCase(t, s)
	var refs []string
	for _, g := range a.Groups[:min(4, len(a.Groups))] {
		refs = append(refs, g.ID, g.Members[len(g.Members)-1])
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, c.ID, refs
}

// checkCommitted opens the database and checks that it is sound and holds
// every verdict in uids.
func checkCommitted(t *testing.T, path string, uids []string) {
	t.Helper()
	s := mustOpenPath(t, path)
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	err := eachRow(context.Background(), s.db, `SELECT uid FROM verdicts`, nil, func(scan func(...any) error) error {
		var uid string
		if err := scan(&uid); err != nil {
			return err
		}
		have[uid] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	missing := 0
	for _, uid := range uids {
		if !have[uid] {
			missing++
		}
	}
	if missing > 0 {
		t.Fatalf("%d of %d verdicts reported committed are missing", missing, len(uids))
	}
}

// TestCrashSafety kills a child process recording verdicts at random
// moments, again and again, and checks that the database stays sound and
// keeps every verdict the child had reported committed. The child analyses
// the case again before every eighth verdict, so some kills land in that
// longer transaction. Every fourth child
// is killed blind, perhaps while it opens the database; the others once
// they are recording, a random while after their first commit.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 60 processes")
	}
	const kills = 60
	path, caseID, refs := reviewRefs(t)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var committed []string
	killedMidRun := 0
	for run := range kills {
		cmd := childCmd(t, path, caseID, refs, fmt.Sprintf("run%d", run), 0, 8)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		recording := make(chan struct{})
		var out bytes.Buffer
		read := make(chan struct{})
		go func() {
			defer close(read)
			buf := make([]byte, 4096)
			signalled := false
			for {
				n, err := stdout.Read(buf)
				out.Write(buf[:n])
				if !signalled && bytes.IndexByte(out.Bytes(), '\n') >= 0 {
					close(recording)
					signalled = true
				}
				if err != nil {
					return
				}
			}
		}()
		if run%4 == 0 {
			time.Sleep(time.Duration(rng.IntN(30)) * time.Millisecond)
		} else {
			select {
			case <-recording:
			case <-time.After(20 * time.Second):
				t.Fatalf("run %d: the child recorded nothing in 20s: %s", run, stderr.String())
			}
			time.Sleep(time.Duration(rng.IntN(25000)) * time.Microsecond)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-read
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("run %d: the child was not killed: %v\n%s", run, err, stderr.String())
		}
		uids := committedUIDs(out.Bytes())
		if len(uids) > 0 {
			killedMidRun++
		}
		committed = append(committed, uids...)
	}
	if killedMidRun < kills/2 {
		t.Fatalf("only %d of %d children were killed while recording", killedMidRun, kills)
	}
	checkCommitted(t, path, committed)
	t.Logf("%d kills, %d while recording; %d verdicts reported committed, all present", kills, killedMidRun, len(committed))
}

// TestTwoProcessesWriting runs two child processes recording verdicts into
// one database at once, one of them analysing the case again now and then
// (a longer write), and checks that neither met an error and no verdict
// is lost.
func TestTwoProcessesWriting(t *testing.T) {
	const each = 150
	path, caseID, refs := reviewRefs(t)
	var wg sync.WaitGroup
	results := make([]struct {
		stdout, stderr bytes.Buffer
		err            error
	}, 2)
	for i := range results {
		cmd := childCmd(t, path, caseID, refs, fmt.Sprintf("proc%d", i), each, []int{0, 25}[i])
		cmd.Stdout, cmd.Stderr = &results[i].stdout, &results[i].stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() { results[i].err = cmd.Wait() })
	}
	wg.Wait()
	var all []string
	for i, r := range results {
		if r.err != nil || r.stderr.Len() > 0 {
			t.Fatalf("process %d: %v: %s", i, r.err, r.stderr.String())
		}
		uids := committedUIDs(r.stdout.Bytes())
		if len(uids) != each {
			t.Fatalf("process %d reported %d verdicts, want %d", i, len(uids), each)
		}
		all = append(all, uids...)
	}
	checkCommitted(t, path, all)
	s := mustOpenPath(t, path)
	hist, err := s.AllVerdicts(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2*each {
		t.Errorf("history has %d entries, want %d", len(hist), 2*each)
	}
}

// TestConcurrentOpen opens one new database from several stores at once:
// the migrations run once and every store works.
func TestConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	const n = 4
	stores := make([]*Store, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { stores[i], errs[i] = Open(path) })
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("store %d: %v", i, errs[i])
		}
		defer stores[i].Close()
		if _, err := stores[i].CreateCase(context.Background(), fmt.Sprintf("Case %d", i), ""); err != nil {
			t.Errorf("store %d: %v", i, err)
		}
	}
	if version, _ := schemaOf(t, stores[0]); version != SchemaVersion() {
		t.Errorf("schema version %d, want %d", version, SchemaVersion())
	}
	scale, err := stores[0].Scale(context.Background())
	if err != nil || len(scale) != len(DefaultScale()) {
		t.Errorf("scale after concurrent opens = %v, %v: the first migration ran more than once?", scale, err)
	}
}
