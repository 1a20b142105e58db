// Package clocale has the C locale read as English. Fyne asks the
// environment for the user's language while its packages initialise and logs
// an error for "C" and "POSIX" (LANG=C.UTF-8 is the default of many servers
// and containers), which are not language tags. Imported first by main, this
// package rewrites such a value to "en", which is what the C locale means for
// messages, before any other package reads it.
package clocale

import (
	"os"
	"strings"
)

func init() {
	fix(os.Getenv, os.Setenv)
}

// fix rewrites the variable that decides the messages' language (the first
// set of LC_ALL, LC_MESSAGES and LANG, as POSIX reads them) when it names the
// C locale.
func fix(getenv func(string) string, setenv func(string, string) error) {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			_ = setenv(k, "en")
		}
		return
	}
}
