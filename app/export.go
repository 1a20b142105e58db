package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/parallax-review/parallax/storage"
)

// Exporter is a Store that writes a case out in the formats newsrooms and
// fact-check tools read, and moves cases between databases as bundles.
type Exporter interface {
	// Export writes a case in format: "csv", "json", "md" or
	// "claimreview"; ClaimReview names pub as the reviewer.
	Export(caseID int64, format string, pub Publisher, w io.Writer) error
	// ExportBundle writes a case, its reports and verdict history to a
	// .parallax file.
	ExportBundle(caseID int64, path string) error
	// ImportBundle merges the cases of a .parallax file into the store
	// and returns them.
	ImportBundle(path string) ([]CaseInfo, error)
}

// Publisher is the reviewing organisation, from the preferences.
type Publisher struct {
	Organisation, OrganisationURL, ReviewsURL string
}

// Preference keys of the publisher.
const (
	prefOrganisationURL = "organisationURL"
	prefReviewsURL      = "reviewsURL"
)

// exportFormats are the export menu's formats: label, format and the file
// name extension.
var exportFormats = []struct{ label, format, ext string }{
	{"CSV", "csv", ".csv"},
	{"JSON", "json", ".json"},
	{"Markdown", "md", ".md"},
	{"ClaimReview (JSON-LD)", "claimreview", ".jsonld"},
}

// exporter returns the store as an Exporter, or nil after telling the
// reviewer that this session cannot export.
func (u *UI) exporter() Exporter {
	if e, ok := u.store.(Exporter); ok {
		return e
	}
	u.showError(errors.New("this session keeps its cases in memory, without a database: it cannot export or import"))
	return nil
}

// publisher returns the reviewing organisation from the preferences.
func (u *UI) publisher() Publisher {
	p := u.app.Preferences()
	return Publisher{Organisation: p.String(prefOrganisation), OrganisationURL: p.String(prefOrganisationURL), ReviewsURL: p.String(prefReviewsURL)}
}

// exportDialog asks where to save the open case in format and writes it.
func (cv *caseView) exportDialog(format, ext string) {
	cv.saveAs(fileName(cv.info.Title)+ext, func(e Exporter, w fyne.URIWriteCloser) error {
		return e.Export(cv.info.ID, format, cv.ui.publisher(), w)
	})
}

// exportBundleDialog asks where to save the open case as a bundle.
func (cv *caseView) exportBundleDialog() {
	cv.saveAs(fileName(cv.info.Title)+".parallax", func(e Exporter, w fyne.URIWriteCloser) error {
		// The bundle is a database the store writes by its path.
		w.Close()
		return e.ExportBundle(cv.info.ID, w.URI().Path())
	})
}

// saveAs asks where to save a file, proposing name, and has write fill
// it; the file is closed after. Errors show in a dialog naming the file.
func (cv *caseView) saveAs(name string, write func(Exporter, fyne.URIWriteCloser) error) {
	e := cv.ui.exporter()
	if e == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			cv.ui.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		err = write(e, w)
		if cerr := w.Close(); err == nil && !errors.Is(cerr, os.ErrClosed) {
			err = cerr
		}
		if err != nil {
			cv.ui.showError(fmt.Errorf("export %s: %w", path, err))
			return
		}
		cv.ui.showDialog(dialog.NewInformation("Exported", "Saved "+path, cv.ui.win))
	}, cv.ui.win)
	d.SetFileName(name)
	cv.ui.showDialog(d)
}

// importBundleDialog asks for a bundle, merges it and opens its first case.
func (u *UI) importBundleDialog() {
	e := u.exporter()
	if e == nil {
		return
	}
	u.openFileDialog(nil, "", func(path string) {
		cases, err := e.ImportBundle(path)
		if err != nil {
			u.showError(err)
			return
		}
		if len(cases) > 0 {
			u.openCase(cases[0])
		}
	})
}

// fileName makes a case title fit for a file name.
func fileName(title string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(title))
	if name == "" {
		return "case"
	}
	return name
}

// Export writes a case in one of the storage package's formats.
func (s *dbStore) Export(caseID int64, format string, pub Publisher, w io.Writer) error {
	ctx := context.Background()
	switch format {
	case "csv":
		return s.db.ExportCSV(ctx, caseID, w)
	case "json":
		return s.db.ExportJSON(ctx, caseID, w)
	case "md":
		return s.db.ExportMarkdown(ctx, caseID, w)
	case "claimreview":
		return s.db.ExportClaimReview(ctx, caseID, storage.Publisher{
			Organization: pub.Organisation, OrganizationURL: pub.OrganisationURL, URL: pub.ReviewsURL,
		}, w)
	}
	return fmt.Errorf("export: unknown format %q", format)
}

// ExportBundle writes a case to a .parallax file.
func (s *dbStore) ExportBundle(caseID int64, path string) error {
	return s.db.ExportBundle(context.Background(), caseID, path)
}

// ImportBundle merges a .parallax file into the database.
func (s *dbStore) ImportBundle(path string) ([]CaseInfo, error) {
	imported, err := s.db.ImportBundle(context.Background(), path)
	if err != nil {
		return nil, err
	}
	out := make([]CaseInfo, len(imported))
	for i, im := range imported {
		out[i] = caseInfo(im.Case)
	}
	return out, nil
}
