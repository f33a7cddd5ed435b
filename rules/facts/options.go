package facts

import "strings"

// optionParsers are the packages of the command-line option parsers
// (Commons CLI, JSAP, jopt-simple, argparse4j, GNU getopt, JArgs,
// JCommander, picocli, args4j, airline), dotted with a trailing dot.
var optionParsers = []string{
	"org.apache.commons.cli.", "com.martiansoftware.jsap.", "joptsimple.", "net.sourceforge.argparse4j.",
	"gnu.getopt.", "jargs.gnu.", "com.beust.jcommander.", "picocli.", "org.kohsuke.args4j.",
	"io.airlift.airline.", "com.github.rvesse.airline.",
}

// OptionParserType reports a type of a command-line option parser, by its
// qualified name, dotted or as a class file writes it ("picocli/CommandLine").
// A class that reads its command line through one is a program's front
// end. Most names start with another letter than the parsers' and cost one
// comparison.
func OptionParserType(name string) bool {
	if name == "" {
		return false
	}
	switch name[0] {
	case 'o', 'c', 'j', 'n', 'g', 'p', 'i':
	default:
		return false
	}
	for _, p := range optionParsers {
		if len(name) > len(p) && hasPrefixSep(name, p) {
			return true
		}
	}
	return false
}

// hasPrefixSep is strings.HasPrefix with '/' in name matching '.' in the
// dotted prefix.
func hasPrefixSep(name, prefix string) bool {
	if name[0] != prefix[0] {
		return false
	}
	if strings.IndexByte(name[:len(prefix)], '/') < 0 {
		return strings.HasPrefix(name, prefix)
	}
	for i := 0; i < len(prefix); i++ {
		c := name[i]
		if c == '/' {
			c = '.'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
