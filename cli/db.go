package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-review/parallax/compare"
	"github.com/parallax-review/parallax/storage"
)

// dbFlag adds the --db option every command on the database takes.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "the database `file` (default: parallax.db in the user's configuration folder)")
}

// openStore opens the database at path, or the default one when path is "".
func openStore(path string) (*storage.Store, error) {
	if path == "" {
		var err error
		if path, err = storage.DefaultPath(); err != nil {
			return nil, err
		}
	}
	return storage.Open(path)
}

// openWithOperands parses a command's options and operands, of which there
// must be at least one, and opens the database named by *db.
func openWithOperands(fs *flag.FlagSet, args []string, db *string) (*storage.Store, []string, error) {
	operands, err := parse(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if len(operands) == 0 {
		fs.Usage()
		return nil, nil, errUsage
	}
	s, err := openStore(*db)
	if err != nil {
		return nil, nil, err
	}
	return s, operands, nil
}

// parseNoOperands parses the options of a command that takes no operands.
func parseNoOperands(fs *flag.FlagSet, args []string) error {
	operands, err := parse(fs, args)
	if err == nil && len(operands) > 0 {
		fs.Usage()
		err = errUsage
	}
	return err
}

// parseID reads a case or report number given on the command line.
func parseID(what, s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%s %q is not a number (see 'parallax case list')", what, s)
	}
	return id, nil
}

// subcommand is one action of a command family ("case new").
type subcommand struct {
	summary string
	run     func(env *Env, args []string) error
}

// runFamily runs the subcommand args[0] of a command family.
func runFamily(env *Env, family string, subs map[string]subcommand, order []string, args []string) error {
	if len(args) == 0 || isHelp(args[0]) {
		w := env.Stderr
		fmt.Fprintf(w, "Usage: parallax %s COMMAND [ARGS]\n\nCommands:\n", family)
		for _, name := range order {
			fmt.Fprintf(w, "  %-8s %s\n", name, subs[name].summary)
		}
		fmt.Fprintf(w, "\nRun 'parallax %s COMMAND -h' for a command's options.\n", family)
		return errUsage
	}
	sub, ok := subs[args[0]]
	if !ok {
		return fmt.Errorf("unknown command %q: want one of %s", args[0], strings.Join(order, ", "))
	}
	return sub.run(env, args[1:])
}

// when prints a time for a person: local, to the minute.
func when(t time.Time) string {
	return t.Local().Format("2006-01-02 15:04")
}

// writeVerdict prints one verdict history entry on one line, with its note
// and evidence below.
func writeVerdict(w io.Writer, v storage.Verdict) {
	ref := v.Ref
	if v.Orphan {
		ref = "orphan"
	}
	fmt.Fprintf(w, "  %-7s %-24s %s  %s  “%s”\n", ref, v.Status, when(v.Time), v.Reviewer, clip(compare.OneLine(v.Target.Text), 60))
	if v.Note != "" {
		fmt.Fprintf(w, "          note: %s\n", compare.OneLine(v.Note))
	}
	for _, e := range v.Evidence {
		fmt.Fprintf(w, "          evidence: %s\n", e)
	}
}
