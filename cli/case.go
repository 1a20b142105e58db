package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/parallax-review/parallax/compare"
	"github.com/parallax-review/parallax/storage"
)

var caseCommands = map[string]subcommand{
	"new":     {"create a case", runCaseNew},
	"list":    {"list the cases", runCaseList},
	"show":    {"show a case: its reports, analysis and verdicts", runCaseShow},
	"add":     {"add reports to a case and analyse it again", runCaseAdd},
	"remove":  {"remove reports from a case and analyse it again", runCaseRemove},
	"analyze": {"analyse a case and print how its reports compare", runCaseAnalyze},
	"rename":  {"change a case's title and description", runCaseRename},
	"delete":  {"delete a case with its reports, analysis and verdicts", runCaseDelete},
}

var caseOrder = []string{"new", "list", "show", "add", "remove", "analyze", "rename", "delete"}

func runCase(env *Env, args []string) error {
	return runFamily(env, "case", caseCommands, caseOrder, args)
}

func runCaseNew(env *Env, args []string) error {
	fs := newFlags(env, "case new", "[--description TEXT] TITLE", "Creates a case: one event whose reports are compared.")
	db := dbFlag(fs)
	description := fs.String("description", "", "what the case is about")
	s, words, err := openWithOperands(fs, args, db)
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := s.CreateCase(context.Background(), strings.Join(words, " "), *description)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Created case %d: %s\nAdd reports with: parallax case add %d FILE...\n", c.ID, c.Title, c.ID)
	return nil
}

func runCaseList(env *Env, args []string) error {
	fs := newFlags(env, "case list", "", "Lists the cases, the most recently changed first.")
	db := dbFlag(fs)
	if err := parseNoOperands(fs, args); err != nil {
		return err
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	cases, err := s.Cases(context.Background())
	if err != nil {
		return err
	}
	if len(cases) == 0 {
		fmt.Fprintln(env.Stdout, "No cases yet. Create one with: parallax case new TITLE")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CASE\tREPORTS\tCHANGED\tTITLE")
	for _, c := range cases {
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\n", c.ID, c.Reports, when(c.Updated), c.Title)
	}
	return tw.Flush()
}

// anyNumber, as openCase's maxOperands, lets a command take any number of
// operands.
const anyNumber = math.MaxInt

// openCase parses a command's options and operands, the first of which
// is a case number, from minOperands to maxOperands in all; opens the
// database named by *db; and reads the case. It returns the case and the
// other operands.
func openCase(fs *flag.FlagSet, args []string, db *string, minOperands, maxOperands int) (*storage.Store, storage.Case, []string, error) {
	operands, err := parse(fs, args)
	if err != nil {
		return nil, storage.Case{}, nil, err
	}
	if len(operands) < minOperands || len(operands) > maxOperands {
		fs.Usage()
		return nil, storage.Case{}, nil, errUsage
	}
	id, err := parseID("case", operands[0])
	if err != nil {
		return nil, storage.Case{}, nil, err
	}
	s, err := openStore(*db)
	if err != nil {
		return nil, storage.Case{}, nil, err
	}
	c, err := s.Case(context.Background(), id)
	if err != nil {
		s.Close()
		return nil, storage.Case{}, nil, err
	}
	return s, c, operands[1:], nil
}

func runCaseShow(env *Env, args []string) error {
	fs := newFlags(env, "case show", "CASE", "Shows a case: its reports, its analysis (made afresh when the reports\n"+
		"changed) and the current verdicts, orphaned ones included.")
	db := dbFlag(fs)
	s, c, _, err := openCase(fs, args, db, 1, 1)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	reports, err := s.Reports(ctx, c.ID)
	if err != nil {
		return err
	}
	var a *storage.Analysis
	if len(reports) > 0 {
		if a, err = s.EnsureAnalysis(ctx, c.ID); err != nil {
			return err
		}
	}
	verdicts, err := s.CurrentVerdicts(ctx, c.ID)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	fmt.Fprintf(out, "Case %d: %s\n", c.ID, c.Title)
	if c.Description != "" {
		fmt.Fprintln(out, c.Description)
	}
	fmt.Fprintf(out, "Created %s, changed %s\n\nReports:\n", when(c.Created), when(c.Updated))
	if len(reports) == 0 {
		fmt.Fprintf(out, "  none yet: parallax case add %d FILE...\n", c.ID)
	}
	for _, r := range reports {
		star := " "
		if r.Reference {
			star = "★"
		}
		fmt.Fprintf(out, "  %s %-4d %-28s %-12s %s\n", star, r.ID, clip(r.Meta.Outlet, 28), r.Meta.Date, r.File)
	}
	if a != nil {
		fmt.Fprintf(out, "\n%s\n", analysisSummary(a))
	}
	writeCurrentVerdicts(out, verdicts)
	return out.Flush()
}

// analysisSummary says in one line what an analysis found.
func analysisSummary(a *storage.Analysis) string {
	across, differ := 0, 0
	for _, g := range a.Groups {
		if len(g.Members) > 1 {
			across++
			if len(g.Flags) > 0 {
				differ++
			}
		}
	}
	return fmt.Sprintf("Analysis (engine %s): %s · %s · %s · %s across reports, %d with differences", a.Engine,
		compare.Plural(len(a.Reports), "report"), compare.Plural(len(a.Quotes), "quote"), compare.Plural(len(a.Claims), "claim"),
		compare.Plural(across, "group"), differ)
}

// writeCurrentVerdicts lists the current verdicts, the orphaned ones apart.
func writeCurrentVerdicts(w io.Writer, verdicts []storage.Verdict) {
	attached := slices.DeleteFunc(slices.Clone(verdicts), func(v storage.Verdict) bool { return v.Orphan })
	orphans := slices.DeleteFunc(slices.Clone(verdicts), func(v storage.Verdict) bool { return !v.Orphan })
	fmt.Fprintf(w, "\nVerdicts: %d\n", len(attached))
	for _, v := range attached {
		writeVerdict(w, v)
	}
	if len(orphans) > 0 {
		fmt.Fprintf(w, "\nOrphaned verdicts: %d (their quote or claim is no longer in the analysis; kept)\n", len(orphans))
		for _, v := range orphans {
			writeVerdict(w, v)
		}
	}
}

func runCaseAdd(env *Env, args []string) error {
	fs := newFlags(env, "case add", "[--reference FILE] CASE FILE...",
		"Adds reports to a case, all or none, and analyses the case again.")
	db := dbFlag(fs)
	reference := fs.String("reference", "", "the report (an official transcript, say) every group is compared against")
	s, c, files, err := openCase(fs, args, db, 2, anyNumber)
	if err != nil {
		return err
	}
	defer s.Close()
	if *reference != "" && !slices.Contains(files, *reference) {
		files = append([]string{*reference}, files...)
	}
	reports, err := loadReports(env, files, *reference)
	if err != nil {
		return err
	}
	ctx := context.Background()
	added, err := s.AddReports(ctx, c.ID, reports)
	if err != nil {
		return err
	}
	for _, r := range added {
		fmt.Fprintf(env.Stdout, "Added report %d: %s (%s)\n", r.ID, r.Meta.Outlet, r.File)
	}
	return reanalyse(env, s, c.ID)
}

// reanalyse analyses a case after its reports changed and says what the
// analysis found.
func reanalyse(env *Env, s *storage.Store, id int64) error {
	a, err := s.Analyze(context.Background(), id)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, analysisSummary(a))
	return nil
}

func runCaseRemove(env *Env, args []string) error {
	fs := newFlags(env, "case remove", "CASE REPORT...",
		"Removes reports (by the numbers 'parallax case show' gives) from a case and\n"+
			"analyses it again. Verdicts on their quotes and claims are kept, as orphans.")
	db := dbFlag(fs)
	s, c, operands, err := openCase(fs, args, db, 2, anyNumber)
	if err != nil {
		return err
	}
	defer s.Close()
	ids := make([]int64, len(operands))
	for i, o := range operands {
		if ids[i], err = parseID("report", o); err != nil {
			return err
		}
	}
	ctx := context.Background()
	for _, rid := range ids {
		if err := s.RemoveReport(ctx, c.ID, rid); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Removed report %d\n", rid)
	}
	return reanalyse(env, s, c.ID)
}

func runCaseAnalyze(env *Env, args []string) error {
	fs := newFlags(env, "case analyze", "[--format text|json] CASE",
		"Analyses a case's reports, stores the analysis and prints it as\n'parallax compare' does.")
	db := dbFlag(fs)
	format := fs.String("format", "text", "output `format`: text or json")
	s, c, _, err := openCase(fs, args, db, 1, 1)
	if err != nil {
		return err
	}
	defer s.Close()
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown format %q: want text or json", *format)
	}
	a, err := s.Analyze(context.Background(), c.ID)
	if err != nil {
		return err
	}
	return writeResult(env, a.Result, *format)
}

func runCaseRename(env *Env, args []string) error {
	fs := newFlags(env, "case rename", "[--description TEXT] CASE TITLE...",
		"Gives a case a new title, and a new description with --description\n(--description \"\" clears it). Reports and verdicts stay as they are.")
	db := dbFlag(fs)
	description := fs.String("description", "", "what the case is about (default: the description it has)")
	s, c, words, err := openCase(fs, args, db, 2, anyNumber)
	if err != nil {
		return err
	}
	defer s.Close()
	newDescription := c.Description
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "description" {
			newDescription = *description
		}
	})
	renamed, err := s.UpdateCase(context.Background(), c.ID, strings.Join(words, " "), newDescription)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Renamed case %d: %s (was: %s)\n", renamed.ID, renamed.Title, c.Title)
	return nil
}

func runCaseDelete(env *Env, args []string) error {
	fs := newFlags(env, "case delete", "[--yes] CASE",
		"Deletes a case with its reports, analysis and whole verdict history. A case\n"+
			"that holds verdicts is deleted only with --yes: export it first to keep them.")
	db := dbFlag(fs)
	yes := fs.Bool("yes", false, "delete even though the case holds verdicts")
	s, c, _, err := openCase(fs, args, db, 1, 1)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	all, err := s.AllVerdicts(ctx, c.ID)
	if err != nil {
		return err
	}
	current := storage.Current(all)
	if len(all) > 0 && !*yes {
		lost := compare.Plural(len(current), "verdict")
		if len(all) > len(current) {
			lost += fmt.Sprintf(" (%s counting their history)", compare.Plural(len(all), "record"))
		}
		return fmt.Errorf("deleting case %d “%s” would lose %s.\n"+
			"Keep a copy first with: parallax export --format bundle --out FILE %d\n"+
			"Then delete it with: parallax case delete --yes %d",
			c.ID, c.Title, lost, c.ID, c.ID)
	}
	if err := s.DeleteCase(ctx, c.ID); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Deleted case %d: %s (%s, %s)\n", c.ID, c.Title, compare.Plural(c.Reports, "report"), compare.Plural(len(current), "verdict"))
	return nil
}
