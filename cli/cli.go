// Package cli implements Parallax's subcommands, so that everything the app
// does can be scripted and tested without a window.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Env is what a command reads and writes besides its arguments.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	// Color asks for terminal colours in text output.
	Color bool
}

// command is one subcommand.
type command struct {
	summary string
	run     func(env *Env, args []string) error
}

// commands lists the subcommands by name.
var commands = map[string]command{
	"compare": {"analyse reports and show how each renders the same quotes and claims", runCompare},
	"extract": {"show the article text and metadata Parallax imports from each file", runExtract},
	"version": {"print Parallax's version", runVersion},
	"case":    {"create, list, show, analyse, rename and delete cases; add and remove their reports", runCase},
	"verdict": {"record verdicts and show their history; show or set the verdict scale", runVerdict},
	"search":  {"find words in reports, quotes, claims and verdict notes", runSearch},
	"export":  {"write a case as CSV, JSON, Markdown, ClaimReview or a .parallax bundle", runExport},
	"import":  {"merge .parallax bundles into the database", runImport},
}

// Is tells whether name is a subcommand, so main can tell a command line
// from the start of the app.
func Is(name string) bool {
	_, ok := commands[name]
	return ok || isHelp(name)
}

// isHelp tells whether name asks for the list of commands.
func isHelp(name string) bool { return name == "help" || name == "-h" || name == "--help" }

// errUsage marks an error whose usage message was already printed.
var errUsage = errors.New("usage")

// Run runs the subcommand args[0] with the rest of args and returns the
// process's exit code: 0 on success, 1 on failure, 2 on a usage error.
func Run(env *Env, args []string) int {
	if len(args) == 0 || isHelp(args[0]) {
		usage(env.Stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "parallax: unknown command %q\n\n", args[0])
		usage(env.Stderr)
		return 2
	}
	err := cmd.run(env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
		return 2
	default:
		fmt.Fprintf(env.Stderr, "parallax %s: %v\n", args[0], err)
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Parallax compares how several reports render the same quotes and claims.")
	fmt.Fprintln(w, "\nUsage:\n  parallax [OPTIONS] [FILES]  open the app (--sample, --db PATH, --timing, --quit-after D;\n                              with report files, on a new case of them)\n  parallax COMMAND [ARGS]     run a command\n\nCommands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nRun 'parallax COMMAND -h' for a command's options.")
}

// newFlags returns a flag set that prints its usage to env.Stderr.
func newFlags(env *Env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: parallax %s %s\n\n%s\n", name, args, about)
		var opts strings.Builder
		fs.SetOutput(&opts)
		fs.PrintDefaults()
		fs.SetOutput(env.Stderr)
		if opts.Len() > 0 {
			fmt.Fprintf(env.Stderr, "\nOptions:\n%s", opts.String())
		}
	}
	return fs
}

// parse parses args, flags and operands in any order ("--" ends the flags),
// and returns the operands. A parse error becomes errUsage: the flag
// package has already said what was wrong.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var operands []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return operands, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(operands, rest...), nil
		}
		operands = append(operands, rest[0])
		args = rest[1:]
	}
}
