// Package clocale has the C locale read as English. Fyne asks the
// environment for the user's language and logs an error for a C locale
// with a character set, such as C.UTF-8 (the default of many servers and
// containers), which is no language tag. When the variable that decides
// the messages' language names the C locale, this package, imported by
// main, sets LANGUAGE, the list of message languages that Fyne reads
// first, to "en", which is what the C locale means for messages. The
// locale variables themselves stay as they are: the C library takes its
// character set from them, and GLFW's keyboard input on X11 needs UTF-8.
package clocale

import (
	"os"
	"strings"
)

func init() {
	fix(os.Getenv, os.Setenv)
}

// fix sets LANGUAGE to English when it is unset and the variable that
// decides the messages' language (the first set of LC_ALL, LC_MESSAGES
// and LANG, as POSIX reads them) names the C locale.
func fix(getenv func(string) string, setenv func(string, string) error) {
	if getenv("LANGUAGE") != "" {
		return
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			_ = setenv("LANGUAGE", "en")
		}
		return
	}
}
