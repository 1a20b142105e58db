package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/parallax-review/parallax/compare"
	"github.com/parallax-review/parallax/storage"
)

func runExport(env *Env, args []string) error {
	fs := newFlags(env, "export", "--format csv|json|md|claimreview|bundle [--out FILE] CASE",
		"Writes a case out: CSV (a row per rendering), JSON (the whole case with its\n"+
			"verdict history), Markdown (a report to read), schema.org ClaimReview JSON-LD\n"+
			"(one per group with a verdict; needs --org and --url), or a .parallax bundle\n"+
			"that 'parallax import' merges into another database.")
	db := dbFlag(fs)
	format := fs.String("format", "", "`format`: csv, json, md, claimreview or bundle")
	outPath := fs.String("out", "", "write to this `file` instead of standard output (a bundle defaults to TITLE.parallax)")
	org := fs.String("org", "", "ClaimReview: the reviewing organisation's `name`")
	orgURL := fs.String("org-url", "", "ClaimReview: the organisation's home page `URL`")
	pageURL := fs.String("url", "", "ClaimReview: the `URL` of the page that publishes the reviews")
	s, c, _, err := openCase(fs, args, db, 1, 1)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	if *format == "bundle" {
		path := *outPath
		if path == "" {
			path = fileName(c.Title) + storage.BundleExt
		}
		if err := s.ExportBundle(ctx, c.ID, path); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Wrote case %d to %s\n", c.ID, path)
		return nil
	}
	var buf bytes.Buffer
	switch *format {
	case "csv":
		err = s.ExportCSV(ctx, c.ID, &buf)
	case "json":
		err = s.ExportJSON(ctx, c.ID, &buf)
	case "md", "markdown":
		err = s.ExportMarkdown(ctx, c.ID, &buf)
	case "claimreview":
		if *org == "" || *pageURL == "" {
			return fmt.Errorf("ClaimReview needs --org NAME (who reviews) and --url URL (the page that publishes the reviews)")
		}
		err = s.ExportClaimReview(ctx, c.ID, storage.Publisher{Organization: *org, OrganizationURL: *orgURL, URL: *pageURL}, &buf)
	default:
		return fmt.Errorf("unknown format %q: want csv, json, md, claimreview or bundle", *format)
	}
	if err != nil {
		return err
	}
	if *outPath == "" {
		_, err = env.Stdout.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(*outPath, buf.Bytes())
}

// writeFileAtomic writes data to path whole or not at all.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".parallax-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, errors.Unwrap(err))
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, errors.Unwrap(err))
	}
	return nil
}

// fileName makes a file name of a title: lower case words joined by dashes.
func fileName(title string) string {
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return "case"
	}
	return strings.Join(words, "-")
}

func runImport(env *Env, args []string) error {
	fs := newFlags(env, "import", "BUNDLE...",
		"Merges .parallax bundles into the database: a case already here gains the\n"+
			"reports and verdicts it lacks, both sides' verdict histories kept; a new\n"+
			"case is added whole. The bundle file is only read.")
	db := dbFlag(fs)
	s, files, err := openWithOperands(fs, args, db)
	if err != nil {
		return err
	}
	defer s.Close()
	for _, f := range files {
		imported, err := s.ImportBundle(context.Background(), f)
		if err != nil {
			return err
		}
		for _, im := range imported {
			how := "merged into"
			if im.New {
				how = "added as"
			}
			fmt.Fprintf(env.Stdout, "%s: %s case %d “%s”: %s and %s added\n",
				f, how, im.Case.ID, im.Case.Title, compare.Plural(im.Reports, "report"), compare.Plural(im.Verdicts, "verdict record"))
		}
	}
	return nil
}
