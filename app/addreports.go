package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/compare"
	"github.com/parallax-review/parallax/compare/ingest"
)

// reportExtensions are the file kinds the file dialogs offer.
var reportExtensions = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".odt", ".eml", ".pdf"}

// addFiles adds report files to the case off the UI goroutine, then
// analyses it again. Files that cannot be read or saved are named in one
// error dialog with their reasons; the others are added.
func (cv *caseView) addFiles(paths []string) {
	cv.busy(fmt.Sprintf("Adding %s…", compare.Plural(len(paths), "report")))
	hasRef := slices.ContainsFunc(cv.reports, func(r *compare.Report) bool { return r.Reference })
	store, id := cv.ui.store, cv.info.ID
	cv.analysing.Add(1)
	go func() {
		defer cv.analysing.Done()
		var errs []error
		added := 0
		for i, p := range paths {
			r, err := ingest.Load(p)
			if err == nil {
				if !hasRef && isTranscript(r) {
					r.Reference, hasRef = true, true
				}
				err = store.AddReport(id, r)
			}
			if err != nil {
				errs = append(errs, err)
				continue
			}
			added++
			if i%10 == 9 {
				fyne.Do(func() { cv.status.SetText(fmt.Sprintf("Adding reports: %d of %d…", i+1, len(paths))) })
			}
		}
		fyne.Do(func() {
			if added > 0 {
				cv.reloadReports()
			} else {
				cv.idle()
			}
			if len(errs) > 0 {
				cv.ui.showErrors(fmt.Sprintf("%d of %s could not be added", len(errs), compare.Plural(len(paths), "file")), errs)
			}
		})
	}()
}

// addReport stores a report in the case. The first report of a case whose
// outlet or title says "transcript" becomes its reference.
func (cv *caseView) addReport(r *compare.Report) error {
	if !slices.ContainsFunc(cv.reports, func(o *compare.Report) bool { return o.Reference }) {
		r.Reference = isTranscript(r)
	}
	if err := cv.ui.store.AddReport(cv.info.ID, r); err != nil {
		return fmt.Errorf("%s: save: %w", r.File, err)
	}
	cv.reports = append(cv.reports, r)
	return nil
}

// isTranscript tells whether a report looks like a transcript of what was
// said, the natural reference.
func isTranscript(r *compare.Report) bool {
	s := strings.ToLower(r.Meta.Title + " " + r.Meta.Outlet + " " + filepath.Base(r.File))
	return strings.Contains(s, "transcript")
}

// reloadReports reads the case's reports from the store again and
// analyses them.
func (cv *caseView) reloadReports() {
	reports, err := cv.ui.store.Reports(cv.info.ID)
	if err != nil {
		cv.ui.showError(fmt.Errorf("read the reports of %q: %w", cv.info.Title, err))
		return
	}
	cv.reports = reports
	cv.report = -1
	cv.reportList.UnselectAll()
	cv.reportList.Refresh()
	cv.analyse()
}

// addFileDialog asks for a report file to add; addFolderDialog adds a
// folder's reports at once.
func (cv *caseView) addFileDialog() {
	cv.ui.openFileDialog(storage.NewExtensionFileFilter(reportExtensions), "Add", func(path string) {
		cv.addFiles([]string{path})
	})
}

// openFileDialog asks for a file and hands its path to use. A nil filter
// offers every file; an empty confirm keeps the dialog's own button.
func (u *UI) openFileDialog(filter storage.FileFilter, confirm string, use func(path string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		use(path)
	}, u.win)
	if filter != nil {
		d.SetFilter(filter)
	}
	if confirm != "" {
		d.SetConfirmText(confirm)
	}
	u.showDialog(d)
}

// addFolderDialog asks for a folder and adds every report file in it.
func (cv *caseView) addFolderDialog() {
	cv.ui.showDialog(dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			cv.ui.showError(err)
			return
		}
		if dir == nil {
			return
		}
		paths, err := reportFiles(dir.Path())
		if err != nil {
			cv.ui.showError(err)
			return
		}
		cv.addFiles(paths)
	}, cv.ui.win))
}

// reportFiles lists the report files in dir, sorted by name.
func reportFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read folder %s: %w", dir, err)
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && slices.Contains(reportExtensions, strings.ToLower(filepath.Ext(e.Name()))) {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("folder %s holds no report files (%s)", dir, strings.Join(reportExtensions, ", "))
	}
	return paths, nil
}

// pasteDialog asks for a report's text, outlet and title, and adds it.
// Text that starts with a "Title:/Outlet:/Date:" header needs no fields.
func (cv *caseView) pasteDialog() {
	outlet, title, date := newFieldEntry(), newFieldEntry(), newFieldEntry()
	date.SetPlaceHolder("YYYY-MM-DD")
	text := newMultiLineFieldEntry()
	text.SetMinRowsVisible(12)
	text.SetPlaceHolder("Paste the report's text here")
	if clip := fyne.CurrentApp().Clipboard(); clip != nil {
		text.SetText(clip.Content())
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Outlet", outlet),
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Date", date),
		widget.NewFormItem("Text", text),
	}
	d := dialog.NewForm("Paste a report", "Add", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if err := cv.addPasted(outlet.Text, title.Text, date.Text, text.Text); err != nil {
			cv.ui.showError(err)
		}
	}, cv.ui.win)
	d.Resize(fyne.NewSize(640, 520))
	cv.ui.showDialog(d)
}

// addPasted adds pasted text as a report; the fields given override its
// header.
func (cv *caseView) addPasted(outlet, title, date, text string) error {
	name := fmt.Sprintf("Pasted report %d", len(cv.reports)+1)
	r, err := compare.ParseReport(name, []byte(text))
	if err != nil {
		return fmt.Errorf("pasted report: %w", err)
	}
	if s := strings.TrimSpace(outlet); s != "" {
		r.Meta.Outlet = s
	}
	if s := strings.TrimSpace(title); s != "" {
		r.Meta.Title = s
	}
	if s := strings.TrimSpace(date); s != "" {
		r.Meta.Date = s
	}
	if err := cv.addReport(r); err != nil {
		return err
	}
	cv.reloadReports()
	return nil
}

// selectedReport returns the report selected in the list, or nil after
// telling the reviewer to select one.
func (cv *caseView) selectedReport(action string) *compare.Report {
	if cv.report < 0 || cv.report >= len(cv.reports) {
		cv.ui.showDialog(dialog.NewInformation(action, "Select a report in the list first.", cv.ui.win))
		return nil
	}
	return cv.reports[cv.report]
}

// readSelected opens the selected report in the reader.
func (cv *caseView) readSelected() {
	if r := cv.selectedReport("Read report"); r != nil {
		cv.openReader(r, compare.Span{})
	}
}

// referenceSelected makes the selected report the case's reference.
func (cv *caseView) referenceSelected() {
	r := cv.selectedReport("Reference")
	if r == nil {
		return
	}
	if err := cv.ui.store.SetReference(cv.info.ID, r.ID); err != nil {
		cv.ui.showError(fmt.Errorf("make %s the reference: %w", r.Meta.Outlet, err))
		return
	}
	cv.reloadReports()
}

// removeSelected removes the selected report from the case after asking.
func (cv *caseView) removeSelected() {
	r := cv.selectedReport("Remove report")
	if r == nil {
		return
	}
	cv.ui.showDialog(dialog.NewConfirm("Remove report", fmt.Sprintf("Remove %q (%s) from the case? Verdicts on it are kept.", r.Meta.Title, r.Meta.Outlet), func(ok bool) {
		if !ok {
			return
		}
		if err := cv.ui.store.RemoveReport(cv.info.ID, r.ID); err != nil {
			cv.ui.showError(fmt.Errorf("remove %s: %w", r.Meta.Outlet, err))
			return
		}
		cv.reloadReports()
	}, cv.ui.win))
}
