package callgraph

import (
	"strings"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

func TestCommandLineMethod(t *testing.T) {
	cli := []facts.Import{{Name: "org.apache.commons.cli.CommandLine"}, {Name: "org.apache.commons.cli.Options"}}
	for _, tc := range []struct {
		name     string
		imports  []facts.Import
		params   string
		compiled bool
		want     bool
	}{
		{"args in a parser's user", cli, "(final String[] args)", false, true},
		{"varargs argv", cli, "(String... argv)", false, true},
		{"old-style array", cli, "(String cmdLine[])", false, true},
		{"options array", cli, "(String[] dynamicOptions)", false, true},
		{"the parsed line", cli, "(CommandLine line, int n)", false, true},
		{"data array", cli, "(String[] names)", false, false},
		{"a word holding arg", cli, "(String[] targets)", false, false},
		{"camel case", cli, "(String[] argsVal)", false, true},
		{"underscores", cli, "(String[] cmd_args)", false, true},
		{"no array", cli, "(String name)", false, false},
		{"args without a parser", []facts.Import{{Name: "java.util.List"}}, "(String[] args)", false, false},
		{"compiled: any array", nil, "(String[], int)", true, true},
		{"compiled: parser type", nil, "(org.apache.commons.cli.CommandLine)", true, true},
		{"compiled: neither", nil, "(int, String)", true, false},
	} {
		f := &facts.File{Imports: tc.imports}
		m := facts.MethodDecl{Class: "acme.Mode", Name: "configure", Params: tc.params}
		if tc.compiled {
			// A class file names the parser's types in full: a field's.
			f.Methods = []facts.MethodDecl{m}
			f.Fields = []facts.Field{{Name: "options", Type: "org.apache.commons.cli.Options"}}
		}
		if got := commandLineMethod(&m, optionResolver(f), tc.compiled); got != tc.want {
			t.Errorf("%s: commandLineMethod(%q) = %v, want %v", tc.name, tc.params, got, tc.want)
		}
	}
}

func TestCommandLineClasses(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    facts.File
		want []string
	}{
		{"JCommander command", facts.File{
			Imports:   []facts.Import{{Name: "com.beust.jcommander.Parameter"}, {Name: "com.beust.jcommander.Parameters"}},
			TypeDecls: []facts.TypeDecl{{Name: "acme.ListCommand", Annotations: []string{`@Parameters(commandDescription = "list")`}}},
		}, []string{"acme.ListCommand"}},
		{"picocli options through the outer class", facts.File{
			Imports:   []facts.Import{{Name: "picocli.CommandLine"}},
			TypeDecls: []facts.TypeDecl{{Name: "acme.Tool"}},
			Fields:    []facts.Field{{Name: "verbose", Annotations: []string{`@CommandLine.Option(names = "-v")`}, Context: facts.Context{Class: "acme.Tool"}}},
		}, []string{"acme.Tool"}},
		{"wildcard import", facts.File{
			Imports:   []facts.Import{{Name: "org.kohsuke.args4j", Wildcard: true}},
			TypeDecls: []facts.TypeDecl{{Name: "acme.Opts"}},
			Fields:    []facts.Field{{Name: "out", Annotations: []string{`@Option(name = "-o")`}, Context: facts.Context{Class: "acme.Opts"}}},
		}, []string{"acme.Opts"}},
		{"compiled command", facts.File{
			TypeDecls: []facts.TypeDecl{{Name: "acme.Run", Annotations: []string{`@picocli.CommandLine$Command(name = "run")`}}},
		}, []string{"acme.Run"}},
		{"another library's @Option", facts.File{
			Imports:   []facts.Import{{Name: "org.apache.commons.cli.Options"}, {Name: "acme.config.Option"}},
			TypeDecls: []facts.TypeDecl{{Name: "acme.Settings"}},
			Fields:    []facts.Field{{Name: "x", Annotations: []string{`@Option("x")`}, Context: facts.Context{Class: "acme.Settings"}}},
		}, nil},
		{"the parser's own class", facts.File{
			TypeDecls: []facts.TypeDecl{{Name: "picocli.CommandLine$HelpCommand", Annotations: []string{`@picocli.CommandLine$Command(name = "help")`}}},
		}, nil},
	} {
		got := commandLineClasses(&tc.f, optionResolver(&tc.f))
		if len(got) != len(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			continue
		}
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			}
		}
	}
}

func TestParsesCommandLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want bool
	}{
		{"flags compared", `public void process(String[] argv) { for (String a : argv) { if (a.equalsIgnoreCase("-h")) help(); } }`, true},
		{"flag first", `void run(String... args) { if ("--version".equals(args[0])) version(); }`, true},
		{"startsWith a dash", `public static String[] configureBean(Object bean, String[] args) { if (args[0].startsWith("-no")) off(); }`, true},
		{"switch on flags", `int parse(String[] cmdLine) { switch (cmdLine[0]) { case "-v": return 1; } return 0; }`, true},
		{"data array", `void load(String[] names) { if (names[0].equals("-")) stdin(); }`, false},
		{"no flag", `void process(String[] args) { for (String a : args) add(a); }`, false},
		{"a dash in text only", `void process(String[] args) { log("-- starting"); }`, false},
		{"constructor", `Tool(String[] args) { if (args[0].equals("-h")) help(); }`, false},
		{"an embedder's entry", `public static void startup(String[] args, Reader in, PrintWriter out, boolean standAlone) { if (args[0].equals("-v")) verbose(); }`, false},
	} {
		open := strings.IndexByte(tc.src, '(')
		close := strings.IndexByte(tc.src, ')')
		name := tc.src[:open]
		name = name[strings.LastIndexByte(strings.TrimSpace(name), ' ')+1:]
		if tc.name == "constructor" {
			name = "<init>"
		}
		m := facts.MethodDecl{Class: "acme.Cli", Name: name, Params: tc.src[open : close+1], Decl: facts.Span{Start: 0, End: len(tc.src)}}
		if got := parsesCommandLine([]byte(tc.src), &m); got != tc.want {
			t.Errorf("%s: parsesCommandLine = %v, want %v", tc.name, got, tc.want)
		}
	}
}
