package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/parallax-review/parallax/compare"
	"github.com/parallax-review/parallax/storage"
)

func runSearch(env *Env, args []string) error {
	fs := newFlags(env, "search", "[--case CASE] [--limit N] WORDS...",
		"Finds words in report text, quotes, claims and verdict notes, best matches\n"+
			"first. Every word must match; a word ending in * matches as a prefix.")
	db := dbFlag(fs)
	caseID := fs.Int64("case", 0, "look only in this case")
	limit := fs.Int("limit", 50, "show at most `N` hits")
	s, words, err := openWithOperands(fs, args, db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	if *caseID != 0 {
		if _, err := s.Case(ctx, *caseID); err != nil {
			return err
		}
	}
	hits, err := s.Search(ctx, strings.Join(words, " "), *caseID, *limit)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	if len(hits) == 0 {
		fmt.Fprintln(out, "No matches.")
	}
	for _, h := range hits {
		fmt.Fprintf(out, "case %d %s · %s", h.CaseID, clip(h.CaseTitle, 40), h.Kind)
		switch {
		case h.Ref != "":
			fmt.Fprintf(out, " %s", h.Ref)
		case h.Kind == storage.HitNote:
			fmt.Fprintf(out, " (verdict %d)", h.VerdictID)
		}
		if h.Outlet != "" {
			fmt.Fprintf(out, " · %s", h.Outlet)
		}
		fmt.Fprintf(out, "\n    %s\n", compare.OneLine(h.Snippet))
	}
	return out.Flush()
}
