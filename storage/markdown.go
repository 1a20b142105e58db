package storage

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-review/parallax/compare"
)

// ExportMarkdown writes a case as a report a person reads: its reports,
// each group with its renderings and their differences marked (words the
// reference has and the rendering lacks struck through, words it adds in
// bold), the flags, the verdicts, orphaned verdicts and the history.
func (s *Store) ExportMarkdown(ctx context.Context, caseID int64, w io.Writer) error {
	d, err := s.loadCaseData(ctx, caseID)
	if err != nil {
		return fmt.Errorf("export case %d as Markdown: %w", caseID, err)
	}
	out := bufio.NewWriter(w)
	fmt.Fprintf(out, "# %s\n\n", mdEscape(d.Case.Title))
	if d.Case.Description != "" {
		fmt.Fprintf(out, "%s\n\n", mdEscape(d.Case.Description))
	}
	fmt.Fprintf(out, "%s · %s recorded · changed %s\n\n", compare.Plural(len(d.Reports), "report"), compare.Plural(len(d.History), "verdict"),
		d.Case.Updated.UTC().Format("2 January 2006 15:04 UTC"))

	fmt.Fprintf(out, "## Reports\n\n| | Outlet | Date | Title |\n|---|---|---|---|\n")
	for _, r := range d.Reports {
		star := ""
		if r.Reference {
			star = "★ reference"
		}
		title := mdEscape(r.Meta.Title)
		if r.Meta.URL != "" {
			title = fmt.Sprintf("[%s](%s)", title, r.Meta.URL)
		}
		fmt.Fprintf(out, "| %s | %s | %s | %s |\n", star, mdCell(r.Meta.Outlet), mdCell(r.Meta.Date), strings.ReplaceAll(title, "|", `\|`))
	}

	groups := d.groups()
	fmt.Fprintf(out, "\n## Quotes and claims\n\n")
	if len(groups) == 0 {
		fmt.Fprintf(out, "No quote or claim appears in more than one report.\n")
	}
	for _, g := range groups {
		d.writeGroup(out, &g)
	}

	if orphans := d.orphans(); len(orphans) > 0 {
		fmt.Fprintf(out, "## Orphaned verdicts\n\nThe analysis no longer finds these quotes and claims; their verdicts are kept.\n\n")
		for _, v := range orphans {
			fmt.Fprintf(out, "- %s in %s: “%s” — %s\n", v.Target.Kind, mdEscape(outletOf(d.Reports, v.Target.ReportHash)),
				mdEscape(trimmedLine(v.Target.Text)), verdictLine(v))
		}
		fmt.Fprintln(out)
	}

	if len(d.History) > 0 {
		fmt.Fprintf(out, "## Verdict history\n\n| Time (UTC) | On | Status | Reviewer | Note |\n|---|---|---|---|---|\n")
		for _, v := range d.History {
			on := v.Ref
			if v.Orphan {
				on = "orphan"
			}
			fmt.Fprintf(out, "| %s | %s | %s | %s | %s |\n", v.Time.UTC().Format("2006-01-02 15:04"), on,
				mdCell(v.Status), mdCell(v.Reviewer), mdCell(v.Note))
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("export case %d as Markdown: %w", caseID, err)
	}
	return nil
}

// writeGroup writes one group: its reference text, then each rendering
// with its diff, flags and verdict.
func (d *caseData) writeGroup(out io.Writer, g *compare.Group) {
	ref := d.items[g.Reference]
	fmt.Fprintf(out, "### %s · %s", g.ID, g.Kind)
	if ref.speaker != "" {
		fmt.Fprintf(out, " · %s", mdEscape(ref.speaker))
	}
	fmt.Fprintf(out, "\n\n> %s\n\n", mdEscape(trimmedLine(ref.text)))
	if v, ok := d.byRef[g.ID]; ok {
		fmt.Fprintf(out, "Verdict on the group: %s\n\n", verdictLine(v))
	}
	diffs := map[string]*compare.Diff{}
	for i := range g.Diffs {
		diffs[g.Diffs[i].Member] = &g.Diffs[i]
	}
	for _, m := range g.Members {
		it := d.items[m]
		label := "**" + mdEscape(it.report.Meta.Outlet) + "**"
		if m == g.Reference {
			label += " (reference)"
		}
		text := mdEscape(trimmedLine(it.text))
		if df, ok := diffs[m]; ok && m != g.Reference {
			text = markDiff(df.Edits)
		}
		fmt.Fprintf(out, "- %s: %s\n", label, text)
		for _, f := range g.Flags {
			if f.Member == m {
				fmt.Fprintf(out, "  - ⚑ %s: %s\n", f.Kind, mdEscape(f.Detail))
			}
		}
		if v, ok := d.byRef[m]; ok {
			fmt.Fprintf(out, "  - Verdict: %s\n", verdictLine(v))
		}
	}
	fmt.Fprintln(out)
}

// markDiff renders a word diff: deleted words struck through, inserted
// words in bold.
func markDiff(edits []compare.Edit) string {
	var b strings.Builder
	for _, e := range edits {
		text := compare.OneLine(e.Text)
		core := strings.TrimSpace(text)
		if core == "" || e.Op == compare.OpEqual {
			b.WriteString(mdEscape(text))
			continue
		}
		lead := text[:len(text)-len(strings.TrimLeft(text, " "))]
		trail := text[len(strings.TrimRight(text, " ")):]
		mark := "**"
		if e.Op == compare.OpDelete {
			mark = "~~"
		}
		b.WriteString(lead + mark + mdEscape(core) + mark + trail)
	}
	return b.String()
}

// verdictLine says a verdict in one line of Markdown.
func verdictLine(v Verdict) string {
	s := "**" + mdEscape(v.Status) + "**"
	if v.Note != "" {
		s += " — " + mdEscape(trimmedLine(v.Note))
	}
	for _, e := range v.Evidence {
		s += fmt.Sprintf(" [evidence](%s)", e)
	}
	return s + fmt.Sprintf(" (%s, %s)", mdEscape(v.Reviewer), v.Time.UTC().Format("2006-01-02"))
}

// mdEscape keeps text from being read as Markdown.
var mdEscape = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", "&lt;", "#", `\#`).Replace

// mdCell escapes text for a table cell.
func mdCell(s string) string {
	return strings.ReplaceAll(mdEscape(trimmedLine(s)), "|", `\|`)
}

// trimmedLine is the text on one line without white space at its ends.
func trimmedLine(s string) string { return strings.Join(strings.Fields(s), " ") }
