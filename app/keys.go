package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// shortcuts lists the keys of the review, for Help › Keyboard shortcuts.
var shortcuts = [][2]string{
	{"j  or  ↓", "next quote or claim"},
	{"k  or  ↑", "previous quote or claim"},
	{"n", "next one with differences"},
	{"p", "previous one with differences"},
	{"l  or  →", "next rendering of the group"},
	{"h  or  ←", "previous rendering of the group"},
	{"1 … 7", "verdict for the rendering in focus (the scale in order), then move on"},
	{"e", "write a note on the rendering in focus"},
	{"r", "read the report of the rendering in focus"},
	{"Ctrl+F  or  /", "search"},
	{"Esc", "leave a text field, back to the review keys; close a dialog"},
	{"Ctrl+1 / 2 / 3", "reports list / matrix (the review keys) / note of the rendering in focus"},
	{"Tab", "next field or list"},
	{"Ctrl+N", "new case"},
	{"Ctrl+O", "open case"},
	{"Ctrl+Shift+A", "add report files"},
	{"Ctrl+Shift+V", "paste a report"},
	{"?", "this list"},
}

// addShortcuts binds the review keys to the main window's canvas: they act
// when no text field has the focus.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	c.SetOnTypedRune(u.onRune)
	c.SetOnTypedKey(u.onKey)
	bind := func(key fyne.KeyName, mod fyne.KeyModifier, f func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod}, func(fyne.Shortcut) { f() })
	}
	bind(fyne.KeyF, fyne.KeyModifierShortcutDefault, u.focusSearch)
	bind(fyne.Key1, fyne.KeyModifierShortcutDefault, func() {
		if u.cv != nil {
			c.Focus(u.cv.reportList)
		}
	})
	bind(fyne.Key2, fyne.KeyModifierShortcutDefault, c.Unfocus)
	bind(fyne.Key3, fyne.KeyModifierShortcutDefault, func() {
		if u.cv != nil {
			u.cv.editFocusedNote()
		}
	})
	bind(fyne.KeyN, fyne.KeyModifierShortcutDefault, u.newCase)
	bind(fyne.KeyO, fyne.KeyModifierShortcutDefault, u.openCaseDialog)
	bind(fyne.KeyA, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, func() {
		if u.cv != nil {
			u.cv.addFileDialog()
		}
	})
	bind(fyne.KeyV, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, func() {
		if u.cv != nil {
			u.cv.pasteDialog()
		}
	})
}

// onRune handles the review keys typed as characters; while a dialog is
// open they do nothing, so that a key meant for it records no verdict
// behind it.
func (u *UI) onRune(r rune) {
	if len(u.dialogs) > 0 {
		return
	}
	if r == '?' {
		u.showShortcuts()
		return
	}
	cv := u.cv
	if cv == nil {
		return
	}
	switch r {
	case 'j':
		cv.moveRow(1, false)
	case 'k':
		cv.moveRow(-1, false)
	case 'n':
		cv.moveRow(1, true)
	case 'p':
		cv.moveRow(-1, true)
	case 'l':
		cv.moveFocus(1)
	case 'h':
		cv.moveFocus(-1)
	case 'r':
		cv.readFocused()
	case 'e':
		cv.editFocusedNote()
	case '/':
		u.focusSearch()
	default:
		if r >= '1' && r <= '9' {
			cv.recordFocused(int(r - '1'))
		}
	}
}

// onKey handles the review keys that are not characters; while a dialog
// is open, Escape dismisses the top one and the others do nothing.
func (u *UI) onKey(k *fyne.KeyEvent) {
	if len(u.dialogs) > 0 {
		if k.Name == fyne.KeyEscape {
			u.dismissDialog()
		}
		return
	}
	cv := u.cv
	if cv == nil {
		return
	}
	switch k.Name {
	case fyne.KeyDown:
		cv.moveRow(1, false)
	case fyne.KeyUp:
		cv.moveRow(-1, false)
	case fyne.KeyRight:
		cv.moveFocus(1)
	case fyne.KeyLeft:
		cv.moveFocus(-1)
	}
}

// focusSearch puts the focus in the search field.
func (u *UI) focusSearch() {
	if u.cv != nil {
		u.win.Canvas().Focus(u.cv.search)
	}
}

// moveRow selects the next (step 1) or previous (step -1) shown row; with
// differing set, the next or previous one with a flag.
func (cv *caseView) moveRow(step int, differing bool) {
	i := cv.selectedIndex()
	if i < 0 && step < 0 {
		i = len(cv.shown)
	}
	for i += step; i >= 0 && i < len(cv.shown); i += step {
		if !differing || cv.shown[i].severity > 0 {
			cv.selectRow(i)
			return
		}
	}
}

// moveFocus moves the focus to the next or previous rendering of the
// selected group, skipping the reference.
func (cv *caseView) moveFocus(step int) {
	r := cv.selected
	if r == nil {
		return
	}
	for i := cv.focus + step; i >= 0 && i < len(r.members); i += step {
		if r.members[i] != r.ref {
			cv.setFocus(i)
			return
		}
	}
}

// editFocusedNote puts the keyboard focus in the note of the rendering in
// focus.
func (cv *caseView) editFocusedNote() {
	r := cv.selected
	if r == nil || cv.focus >= len(r.members) {
		return
	}
	key := r.members[cv.focus].key
	for _, ed := range cv.editors {
		if ed.target == key {
			cv.ui.win.Canvas().Focus(ed.note)
		}
	}
}

// readFocused opens the report of the rendering in focus at the rendering.
func (cv *caseView) readFocused() {
	if r := cv.selected; r != nil && cv.focus < len(r.members) {
		m := r.members[cv.focus]
		cv.openReader(m.report, m.span)
	}
}

// showShortcuts lists the keyboard shortcuts in a dialog.
func (u *UI) showShortcuts() {
	grid := container.NewGridWithColumns(2)
	for _, s := range shortcuts {
		grid.Add(widget.NewLabelWithStyle(s[0], fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
		grid.Add(widget.NewLabel(s[1]))
	}
	u.showDialog(dialog.NewCustom("Keyboard shortcuts", "Close", grid, u.win))
}
