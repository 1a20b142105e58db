package cli

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/parallax-review/parallax/compare"
	"github.com/parallax-review/parallax/compare/ingest"
)

func runCompare(env *Env, args []string) error {
	fs := newFlags(env, "compare", "[--format text|json] [--reference FILE] FILE...",
		"Finds the quotes and claims of each report, lines them up across reports and\n"+
			"shows how each report renders them, with the differences that matter flagged.")
	format := fs.String("format", "text", "output `format`: text or json")
	reference := fs.String("reference", "", "the report (an official transcript, say) every group is compared against")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown format %q: want text or json", *format)
	}
	if *reference != "" && !slices.Contains(files, *reference) {
		files = append([]string{*reference}, files...)
	}
	if len(files) == 0 {
		fs.Usage()
		return errUsage
	}
	reports, err := loadReports(env, files, *reference)
	if err != nil {
		return err
	}
	// Every file has been read: nothing can fail half-way through now.
	return writeResult(env, compare.Analyze(reports, compare.DefaultOptions()), *format)
}

// writeResult prints an analysis in format, text or json, through a buffer.
func writeResult(env *Env, res *compare.Result, format string) error {
	out := bufio.NewWriterSize(env.Stdout, 1<<16)
	var err error
	if format == "json" {
		err = res.WriteJSON(out)
	} else {
		err = writeText(out, res, env.Color)
	}
	if err != nil {
		return err
	}
	return out.Flush()
}

// loadReports reads every file, in any format ingest imports, before any
// output, so that a bad file stops the command with nothing half-printed.
// A file whose text is the same as an earlier one's (the same report
// given twice, perhaps in another format) is left out, with a note.
func loadReports(env *Env, files []string, reference string) ([]*compare.Report, error) {
	reports := make([]*compare.Report, 0, len(files))
	seen := map[string]*compare.Report{}
	for _, f := range files {
		r, err := ingest.Load(f)
		if err != nil {
			return nil, err
		}
		r.Reference = reference != "" && filepath.Clean(f) == filepath.Clean(reference)
		hash := compare.ContentHash(r)
		if first, ok := seen[hash]; ok {
			first.Reference = first.Reference || r.Reference
			fmt.Fprintf(env.Stderr, "parallax: %s has the same text as %s; taken once\n", f, first.File)
			continue
		}
		seen[hash] = r
		reports = append(reports, r)
	}
	return reports, nil
}

// styles mark diff runs in text output: ANSI colours on a terminal, plain
// markers otherwise.
type styles struct {
	del, ins, endDel, endIns, bold, dim, end string
}

func newStyles(color bool) styles {
	if color {
		return styles{del: "\x1b[9;31m", ins: "\x1b[4;32m", endDel: "\x1b[0m", endIns: "\x1b[0m",
			bold: "\x1b[1m", dim: "\x1b[2m", end: "\x1b[0m"}
	}
	return styles{del: "[-", ins: "{+", endDel: "-]", endIns: "+}"}
}

// writeText prints groups with the most significant differences first,
// each rendering with its diff, then per-report counts.
func writeText(w io.Writer, res *compare.Result, color bool) error {
	st := newStyles(color)
	quotes := map[string]*compare.Quote{}
	for i := range res.Quotes {
		quotes[res.Quotes[i].ID] = &res.Quotes[i]
	}
	claims := map[string]*compare.Claim{}
	for i := range res.Claims {
		claims[res.Claims[i].ID] = &res.Claims[i]
	}
	outlet := map[string]string{}
	for _, r := range res.Reports {
		outlet[r.ID] = r.Meta.Outlet
		if r.Reference {
			outlet[r.ID] += " (reference)"
		}
	}
	member := func(id string) (report, text, speaker string) {
		if q, ok := quotes[id]; ok {
			return q.Report, q.Text, q.Speaker
		}
		c := claims[id]
		return c.Report, c.Text, c.Source
	}

	groups := make([]*compare.Group, 0, len(res.Groups))
	for i := range res.Groups {
		g := &res.Groups[i]
		if len(g.Members) > 1 || g.Severity() > compare.FlagUnique.Severity() {
			groups = append(groups, g)
		}
	}
	slices.SortStableFunc(groups, func(a, b *compare.Group) int {
		return cmp.Or(cmp.Compare(b.Severity(), a.Severity()), cmp.Compare(len(b.Members), len(a.Members)))
	})

	fmt.Fprintf(w, "%s%s · %s · %s · %s across reports%s\n", st.bold, compare.Plural(len(res.Reports), "report"),
		compare.Plural(len(res.Quotes), "quote"), compare.Plural(len(res.Claims), "claim"), compare.Plural(len(groups), "group"), st.end)
	for _, g := range groups {
		rep, text, speaker := member(g.Reference)
		fmt.Fprintf(w, "\n%s%s %s", st.bold, g.ID, g.Kind)
		if speaker != "" {
			fmt.Fprintf(w, " · %s", speaker)
		}
		fmt.Fprintf(w, " · %s%s\n", compare.Plural(len(g.Members), "rendering"), st.end)
		fmt.Fprintf(w, "  %s: %s\n", outlet[rep], compare.OneLine(text))
		for _, d := range g.Diffs {
			rep, _, speaker := member(d.Member)
			fmt.Fprintf(w, "  %s", outlet[rep])
			if speaker != "" && g.Kind == compare.KindQuote {
				fmt.Fprintf(w, " (%s)", speaker)
			}
			fmt.Fprintf(w, ": ")
			for _, e := range d.Edits {
				t := compare.OneLine(e.Text)
				switch e.Op {
				case compare.OpDelete:
					fmt.Fprintf(w, "%s%s%s", st.del, t, st.endDel)
				case compare.OpInsert:
					fmt.Fprintf(w, "%s%s%s", st.ins, t, st.endIns)
				default:
					fmt.Fprint(w, t)
				}
			}
			fmt.Fprintf(w, "  %s(%.0f%% alike)%s\n", st.dim, 100*d.Similarity, st.end)
			for _, f := range g.Flags {
				if f.Member == d.Member {
					fmt.Fprintf(w, "    ⚑ %s: %s\n", f.Kind, f.Detail)
				}
			}
		}
		for _, f := range g.Flags {
			if f.Member == g.Reference {
				fmt.Fprintf(w, "    ⚑ %s: %s\n", f.Kind, f.Detail)
			}
		}
	}

	var unique []*compare.Group
	for i := range res.Groups {
		if g := &res.Groups[i]; len(g.Members) == 1 && g.Kind == compare.KindClaim {
			unique = append(unique, g)
		}
	}
	if len(unique) > 0 {
		fmt.Fprintf(w, "\n%sClaims only one report states%s\n", st.bold, st.end)
		for _, g := range unique {
			rep, text, _ := member(g.Reference)
			fmt.Fprintf(w, "  %s: %s\n", outlet[rep], clip(compare.OneLine(text), 110))
		}
	}

	fmt.Fprintf(w, "\n%sReports%s\n", st.bold, st.end)
	nq, nc := map[string]int{}, map[string]int{}
	for _, q := range res.Quotes {
		nq[q.Report]++
	}
	for _, c := range res.Claims {
		nc[c.Report]++
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range res.Reports {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", r.ID, outlet[r.ID], compare.Plural(compare.WordCount(r.Body), "word"),
			compare.Plural(nq[r.ID], "quote"), compare.Plural(nc[r.ID], "claim"), r.File)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range res.Syndication {
		fmt.Fprintf(w, "  ⧉ %s carries the text of %s (%.0f%% of its word runs shared): one source, not two\n",
			outlet[s.Copy], outlet[s.Of], 100*s.Containment)
	}
	return nil
}

// clip shortens s to at most n runes, marking a cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
