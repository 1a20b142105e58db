// Parallax is a desktop app for comparing how several reports of one event
// render the same quotes and claims. Run with a command name it works on
// the command line instead (`parallax compare a.txt b.txt`).
package main

import (
	"os"

	"github.com/parallax-review/parallax/cli"
)

func main() {
	env := &cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Color: isTerminal(os.Stdout)}
	if len(os.Args) > 1 && cli.Is(os.Args[1]) {
		os.Exit(cli.Run(env, os.Args[1:]))
	}
	os.Exit(cli.Run(env, os.Args[1:]))
}

// isTerminal tells whether f is a character device, such as a terminal,
// rather than a file or a pipe.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}
