package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The colours Parallax adds to the theme.
const (
	ColorNameDeleted            fyne.ThemeColorName = "parallaxDeleted"
	ColorNameInserted           fyne.ThemeColorName = "parallaxInserted"
	ColorNameInsertedBackground fyne.ThemeColorName = "parallaxInsertedBackground"
	ColorNameSevere             fyne.ThemeColorName = "parallaxSevere"
	ColorNameNotable            fyne.ThemeColorName = "parallaxNotable"
	ColorNameSlight             fyne.ThemeColorName = "parallaxSlight"
	ColorNameSame               fyne.ThemeColorName = "parallaxSame"
	ColorNameFocusRing          fyne.ThemeColorName = "parallaxFocusRing"
	// ColorNameMuted is text that steps back and stays readable: the
	// matrix's "absent" and "ref", 4.5:1 against the background.
	ColorNameMuted fyne.ThemeColorName = "parallaxMuted"
)

// The theme choices of the preferences.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// palette holds a colour for the light and the dark variant.
type palette struct{ light, dark color.NRGBA }

var colors = map[fyne.ThemeColorName]palette{
	ColorNameDeleted:            {color.NRGBA{0xB0, 0x1E, 0x1E, 0xFF}, color.NRGBA{0xFF, 0x8A, 0x80, 0xFF}},
	ColorNameInserted:           {color.NRGBA{0x0B, 0x5E, 0x28, 0xFF}, color.NRGBA{0x9B, 0xEB, 0xA8, 0xFF}},
	ColorNameInsertedBackground: {color.NRGBA{0xC8, 0xF0, 0xD2, 0xFF}, color.NRGBA{0x1B, 0x4A, 0x2A, 0xFF}},
	ColorNameSevere:             {color.NRGBA{0xD3, 0x2F, 0x2F, 0xFF}, color.NRGBA{0xEF, 0x53, 0x50, 0xFF}},
	ColorNameNotable:            {color.NRGBA{0xE0, 0x7A, 0x00, 0xFF}, color.NRGBA{0xFF, 0xB7, 0x4D, 0xFF}},
	ColorNameSlight:             {color.NRGBA{0x1E, 0x6F, 0xC8, 0xFF}, color.NRGBA{0x64, 0xB5, 0xF6, 0xFF}},
	ColorNameSame:               {color.NRGBA{0x2E, 0x7D, 0x32, 0xFF}, color.NRGBA{0x66, 0xBB, 0x6A, 0xFF}},
	ColorNameFocusRing:          {color.NRGBA{0x1E, 0x6F, 0xC8, 0xFF}, color.NRGBA{0x64, 0xB5, 0xF6, 0xFF}},
	ColorNameMuted:              {color.NRGBA{0x6E, 0x6E, 0x6E, 0xFF}, color.NRGBA{0x8C, 0x8C, 0x8C, 0xFF}},
}

// parallaxTheme is the default theme with Parallax's colours added and,
// when the reviewer chose one, a fixed light or dark variant.
type parallaxTheme struct {
	fyne.Theme
	variant string
}

// newTheme returns the theme for a preference value: ThemeLight,
// ThemeDark or ThemeSystem.
func newTheme(variant string) fyne.Theme {
	return &parallaxTheme{Theme: theme.DefaultTheme(), variant: variant}
}

// Color returns Parallax's colours and the default theme's others, in the
// chosen variant.
func (t *parallaxTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case ThemeLight:
		v = theme.VariantLight
	case ThemeDark:
		v = theme.VariantDark
	}
	if p, ok := colors[name]; ok {
		if v == theme.VariantDark {
			return p.dark
		}
		return p.light
	}
	return t.Theme.Color(name, v)
}

// severityColor names the colour of a flag severity (compare.FlagKind's
// Severity): 0 is a rendering without differences.
func severityColor(severity int) fyne.ThemeColorName {
	switch {
	case severity >= 8:
		return ColorNameSevere
	case severity >= 5:
		return ColorNameNotable
	case severity > 0:
		return ColorNameSlight
	}
	return ColorNameSame
}
