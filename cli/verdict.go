package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"

	"github.com/parallax-review/parallax/storage"
)

var verdictCommands = map[string]subcommand{
	"set":     {"record a verdict on a rendering or a group", runVerdictSet},
	"history": {"show the verdict history of a case, or of one rendering or group", runVerdictHistory},
	"scale":   {"show the verdict scale, or set a new one", runVerdictScale},
}

var verdictOrder = []string{"set", "history", "scale"}

func runVerdict(env *Env, args []string) error {
	return runFamily(env, "verdict", verdictCommands, verdictOrder, args)
}

// stringList is a repeatable string option.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ", ") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func runVerdictSet(env *Env, args []string) error {
	fs := newFlags(env, "verdict set", "[--note TEXT] [--evidence URL]... [--reviewer NAME] CASE REF STATUS",
		"Records a verdict on REF, a rendering (\"q3\", \"c5\") or a group (\"g2\") as\n"+
			"'parallax case show' and 'parallax case analyze' name them. STATUS is a\n"+
			"status of the scale ('parallax verdict scale') or its number. The history\n"+
			"keeps every verdict; the newest is the current one.")
	db := dbFlag(fs)
	note := fs.String("note", "", "why: what was checked and what it showed")
	var evidence stringList
	fs.Var(&evidence, "evidence", "a `URL` that backs the verdict (repeatable)")
	reviewer := fs.String("reviewer", defaultReviewer(), "who gives the verdict")
	s, c, operands, err := openCase(fs, args, db, 3, anyNumber)
	if err != nil {
		return err
	}
	defer s.Close()
	ref, status := operands[0], strings.Join(operands[1:], " ")
	ctx := context.Background()
	before, err := s.History(ctx, c.ID, ref)
	if err != nil {
		return err
	}
	v, err := s.RecordVerdict(ctx, c.ID, ref, storage.VerdictInput{Status: status, Note: *note, Evidence: evidence, Reviewer: *reviewer})
	if err != nil {
		return err
	}
	was := ""
	if len(before) > 0 {
		was = fmt.Sprintf(" (was: %s)", before[len(before)-1].Status)
	}
	fmt.Fprintf(env.Stdout, "%s: %s%s\n", v.Ref, v.Status, was)
	return nil
}

// defaultReviewer is the name of the user running the command.
func defaultReviewer() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

func runVerdictHistory(env *Env, args []string) error {
	fs := newFlags(env, "verdict history", "CASE [REF]",
		"Shows every verdict of a case, oldest first, or those on one rendering or group.\n"+
			"Verdicts whose quote or claim is no longer in the analysis show as orphans.")
	db := dbFlag(fs)
	s, c, operands, err := openCase(fs, args, db, 1, 2)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	var hist []storage.Verdict
	if len(operands) > 0 {
		hist, err = s.History(ctx, c.ID, operands[0])
	} else {
		hist, err = s.AllVerdicts(ctx, c.ID)
	}
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	if len(hist) == 0 {
		fmt.Fprintln(out, "No verdicts yet.")
	}
	for _, v := range hist {
		writeVerdict(out, v)
	}
	return out.Flush()
}

func runVerdictScale(env *Env, args []string) error {
	fs := newFlags(env, "verdict scale", "[--set NAME=RATING,...]",
		"Shows the verdict scale, best first, or replaces it. A rating orders the\n"+
			"statuses for ClaimReview (higher is better); 0 marks a status that rates\n"+
			"nothing, such as \"unverified\". Verdicts given keep their status.")
	db := dbFlag(fs)
	set := fs.String("set", "", "the new scale, best first: `NAME=RATING,...`")
	if err := parseNoOperands(fs, args); err != nil {
		return err
	}
	var scale []storage.Status
	if *set != "" {
		var err error
		if scale, err = parseScale(*set); err != nil {
			return err
		}
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	if scale != nil {
		if err := s.SetScale(ctx, scale); err != nil {
			return err
		}
	}
	if scale, err = s.Scale(ctx); err != nil {
		return err
	}
	for i, st := range scale {
		fmt.Fprintf(env.Stdout, "%d  %-24s rating %d\n", i+1, st.Name, st.Rating)
	}
	return nil
}

// parseScale reads "accurate=3,altered=2,false=1,unverified=0".
func parseScale(s string) ([]storage.Status, error) {
	var scale []storage.Status
	for part := range strings.SplitSeq(s, ",") {
		name, rating, ok := strings.Cut(part, "=")
		n, err := strconv.Atoi(strings.TrimSpace(rating))
		if !ok || err != nil {
			return nil, fmt.Errorf("scale entry %q: want NAME=RATING, the rating a whole number", part)
		}
		scale = append(scale, storage.Status{Name: strings.TrimSpace(name), Rating: n})
	}
	return scale, nil
}
