package callgraph

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
)

// optionAnnotations are the simple names of the annotations the
// annotation-driven parsers (JCommander, picocli, args4j, airline) read a
// command's options and commands from.
var optionAnnotations = map[string]bool{
	"Parameter": true, "Parameters": true, "ParametersDelegate": true, "Command": true, "Option": true,
	"Mixin": true, "ArgGroup": true, "Argument": true, "Arguments": true, "Spec": true,
}

func inOptionLibrary(name string) bool { return facts.OptionParserType(name) }

// commandLineClasses are the classes of the file that an annotation-driven
// option parser fills and runs (a JCommander or picocli command, an args4j
// options class): their declaration, fields or methods carry its
// annotations. Such a class is a launcher: its public methods (run, call)
// are the command, not an API. The parser's own classes are not: they are
// the library.
func commandLineClasses(f *facts.File, r *optionNames) map[string]bool {
	if r == nil {
		return nil
	}
	var out map[string]bool
	mark := func(class string) {
		if inOptionLibrary(dotted(class)) {
			return
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[class] = true
	}
	for _, t := range f.TypeDecls {
		if r.annotated(t.Annotations) {
			mark(t.Name)
		}
	}
	for i := range f.Fields {
		if r.annotated(f.Fields[i].Annotations) {
			mark(f.Fields[i].Class)
		}
	}
	for i := range f.Methods {
		if r.annotated(f.Methods[i].Annotations) {
			mark(f.Methods[i].Class)
		}
	}
	return out
}

// commandLineArg matches a String[] or String... parameter and its name.
var commandLineArg = regexp.MustCompile(`\bString\s*(?:\[\s*\]|\.\.\.)\s*(\w*)|\bString\s+(\w+)\s*\[\s*\]`)

// argWords are the words of what a parameter holding the command line is
// called (args, argv, arguments, cmdArgs, dynamicOptions, commandLine): a
// String[] named otherwise (includes, targets, paths) is data.
var argWords = map[string]bool{"arg": true, "args": true, "argv": true, "argument": true, "arguments": true,
	"opt": true, "opts": true, "option": true, "options": true, "cmd": true, "cmds": true, "cmdline": true, "commandline": true}

// commandLineName reports a parameter name made of such words, as camel
// case or underscores split it ("argsVal", "cmd_args", "commandLine").
func commandLineName(name string) bool {
	low := strings.ToLower(name)
	if strings.Contains(low, "commandline") || strings.Contains(low, "cmdline") {
		return true
	}
	from := 0
	for i := 1; i <= len(name); i++ {
		if i == len(name) || name[i] == '_' || name[i] >= 'A' && name[i] <= 'Z' || name[i] >= '0' && name[i] <= '9' {
			if argWords[strings.ToLower(strings.Trim(name[from:i], "_0123456789"))] {
				return true
			}
			from = i
		}
	}
	return false
}

// commandLineMethod reports a method of a file that uses an option parser
// which takes the command line: a String[] parameter named as one (a
// mode's configure(String[] args), a parseJsap(jsap, args)), or a
// parameter of the parser's own types (a JSAPResult, a Commons CLI
// CommandLine). Like main, it is an entry point: a program's steps run
// from its launcher, whoever else names them. Compiled code keeps no
// parameter names: any String[] counts there.
func commandLineMethod(m *facts.MethodDecl, r *optionNames, compiled bool) bool {
	if r == nil || inOptionLibrary(dotted(m.Class)) || m.Name == "<init>" || m.Name == "<clinit>" {
		return false
	}
	for _, sm := range commandLineArg.FindAllStringSubmatch(m.Params, -1) {
		name := sm[1] + sm[2]
		if compiled && name == "" || commandLineName(name) {
			return true
		}
	}
	for _, p := range rules.ParamParts(m.Params) {
		t := paramType(p)
		if inOptionLibrary(t) || r.types[t] {
			return true
		}
	}
	return false
}

// flagTest matches a comparison with an option flag: a string literal
// starting with '-' ("-h", "--help", "-no", "-" for standard input)
// given to equals, equalsIgnoreCase or startsWith, compared through
// equals, or a switch case on one.
var flagTest = regexp.MustCompile(`(?:\b(?:equals|equalsIgnoreCase|startsWith)\s*\(\s*"-[\w-]*"|"-[\w-]*"\s*\.\s*equals(?:IgnoreCase)?\s*\(|\bcase\s+"-[\w-]*"\s*:)`)

// parsesCommandLine reports a source method that parses the command line
// itself: it takes a String[] named as one (argv, args, commandLine) and
// its body tests words against option flags ("-h", "--version",
// startsWith("-")). Like main, it is an entry point: an application's
// command-line front end (biojava's AbstractUserArgumentProcessor.process(argv),
// which its aligners' main methods call through an interface), with no
// option parser to say so.
//
// Its input must be the command line: at most one other parameter (the
// bean its flags configure). A method given a command line beside the
// streams and switches an embedder passes (an interpreter's
// startup(args, in, out, standalone)) is an API that also reads flags;
// so is an option parser's own (picocli's, in a copy of its source).
func parsesCommandLine(src []byte, m *facts.MethodDecl) bool {
	if m.Name == "<init>" || m.Name == "<clinit>" || m.Decl.End <= m.Decl.Start || m.Decl.End > len(src) ||
		inOptionLibrary(dotted(m.Class)) || len(rules.ParamParts(m.Params)) > 2 {
		return false
	}
	named := false
	for _, sm := range commandLineArg.FindAllStringSubmatch(m.Params, -1) {
		if commandLineName(sm[1] + sm[2]) {
			named = true
			break
		}
	}
	return named && flagTest.Match(src[m.Decl.Start:m.Decl.End])
}

// paramType is the type of one parameter as written ("final JSAPResult
// r" -> "JSAPResult"; compiled code's "com.martiansoftware.jsap.JSAP" as
// is), generics and annotations left out.
func paramType(p string) string {
	var words []string
	for _, w := range strings.Fields(p) {
		if strings.HasPrefix(w, "@") || w == "final" {
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return ""
	}
	t := words[0]
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	return strings.TrimSuffix(t, "...")
}

// optionNames resolves annotation names against what a file says of the
// option parsers: its imports (a source), or nothing (compiled code names
// every type in full).
type optionNames struct {
	types    map[string]bool // simple names of the option-parser types imported
	wildcard bool            // some option-parser package is imported whole
}

// optionResolver returns the resolver of a file that uses an option
// parser, nil for one that does not: a source importing one, a class
// whose fields, method signatures or annotations name one of its types.
func optionResolver(f *facts.File) *optionNames {
	if len(f.Imports) > 0 {
		var r *optionNames
		for _, im := range f.Imports {
			// A package imported whole: any name in it.
			if !inOptionLibrary(im.Name+".*") || im.Static {
				continue
			}
			if r == nil {
				r = &optionNames{types: map[string]bool{}}
			}
			if im.Wildcard {
				r.wildcard = true
			} else {
				r.types[lastSegment(im.Name)] = true
			}
		}
		return r
	}
	// Compiled code: the types are qualified (a method's parameter and
	// result types too when they are the parser's). This runs for every
	// class read: no allocation, one byte test for most names.
	for i := range f.Fields {
		if namesOptionParser(f.Fields[i].Type) || anyNamesOptionParser(f.Fields[i].Annotations) {
			return &optionNames{}
		}
	}
	for i := range f.Methods {
		m := &f.Methods[i]
		if namesOptionParser(m.Params) || namesOptionParser(m.Returns) || anyNamesOptionParser(m.Annotations) {
			return &optionNames{}
		}
	}
	for _, t := range f.TypeDecls {
		if anyNamesOptionParser(t.Annotations) {
			return &optionNames{}
		}
	}
	return nil
}

// namesOptionParser reports a type list, a type or an annotation as a
// class file writes them ("String[], picocli.CommandLine$Model",
// "@com.beust.jcommander.Parameter(names = ...)") that names an option
// parser's type: one starts where a name may.
func namesOptionParser(s string) bool {
	for i := 0; i < len(s); i++ {
		if i > 0 && !typeSep(s[i-1]) {
			continue
		}
		if facts.OptionParserType(s[i:]) {
			return true
		}
	}
	return false
}

// typeSep is a byte a name in a type list or an annotation follows.
func typeSep(b byte) bool {
	switch b {
	case ',', ' ', '(', ')', '<', '>', '[', ']', '=', '@':
		return true
	}
	return false
}

func anyNamesOptionParser(ss []string) bool {
	for _, s := range ss {
		if namesOptionParser(s) {
			return true
		}
	}
	return false
}

// annotated reports an annotation of an option parser among annots (as written
// in a source, qualified in compiled code).
func (r *optionNames) annotated(annots []string) bool {
	for _, a := range annots {
		name := strings.TrimSpace(strings.TrimPrefix(a, "@"))
		if i := strings.IndexAny(name, "( \t\n"); i >= 0 {
			name = name[:i]
		}
		name = strings.ReplaceAll(name, "$", ".")
		if inOptionLibrary(name) {
			return true
		}
		first, rest, _ := strings.Cut(name, ".")
		// @Option with picocli.CommandLine.Option imported, or
		// @CommandLine.Option with picocli.CommandLine.
		if r.types[first] && (rest == "" || optionAnnotations[lastSegment(rest)]) {
			return true
		}
		if r.wildcard && !strings.Contains(name, ".") && optionAnnotations[name] {
			return true
		}
	}
	return false
}
