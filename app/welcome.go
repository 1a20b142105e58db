package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// welcome is the view shown when no case is open: how to start, and the
// recent cases.
func (u *UI) welcome() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Parallax", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabelWithStyle("Compare how several reports of one event render the same quotes and claims.",
		fyne.TextAlignCenter, fyne.TextStyle{})

	sample := widget.NewButtonWithIcon("Open sample case", theme.MediaPlayIcon(), u.OpenSample)
	sample.Importance = widget.HighImportance
	buttons := container.NewGridWithColumns(3,
		widget.NewButtonWithIcon("New case…", theme.ContentAddIcon(), u.newCase),
		widget.NewButtonWithIcon("Open case…", theme.FolderOpenIcon(), u.openCaseDialog),
		sample,
	)
	hint := widget.NewLabelWithStyle("In a case, add reports with the Add… button or the File menu,\nby dropping files on the window, or by pasting text.",
		fyne.TextAlignCenter, fyne.TextStyle{Italic: true})

	body := container.NewVBox(title, intro, buttons, hint)
	if cases, err := u.store.Cases(); err == nil && len(cases) > 0 {
		recent := widget.NewLabelWithStyle("Recent cases", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		list := u.caseList(cases, u.openCase, u.showCaseMenu)
		body.Add(recent)
		body.Add(container.NewGridWrap(fyne.NewSize(560, 220), list))
	}
	return container.NewCenter(body)
}
