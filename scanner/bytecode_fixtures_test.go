package scanner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/rules/ruletest"
	"github.com/kscan/kscan/scanner/archive"
	"github.com/kscan/kscan/scanner/bytecode"
	"github.com/kscan/kscan/scanner/javasrc"
)

// bytecodeReasons says, per rule, why the scan of a fixture's compiled
// classes cannot agree with the scan of its source everywhere. The fixture
// line where they differ says how, with a modifier after its want
// expectation (see package ruletest): bytecode:- (bytecode misses the
// source finding), bytecode:N (bytecode reports it at line N; 0 when the
// class file has no line for it) or source:- (only bytecode reports it).
// Any other difference fails the test, and so does an annotation on a rule
// with no reason here.
var bytecodeReasons = map[string]string{
	"base-resource-closed-by-module":   "reads from the @Bean method's text whether the lookup's value is returned (return ...;)",
	"classloader-captured-at-init":     "tells a lambda in a static field initialiser (run later, per call) by the span it covers in the declaration; bytecode compiles the lambda body to a method of its own; a context loader read only as the fallback of the class's own null loader is told by the text before it, and one a static initialiser keeps in a local only to restore it in finally by the initialiser's text (a class file's local is not followed)",
	"classloader-churn":                "tells an instance field's initialiser from a per-call creation by the declaration's span; bytecode copies field initialisers into each constructor",
	"java-serialization-caller-loader": "javac gives a field initialiser the line where its declaration starts, not the line of the new expression on a continuation line",
	"static-logger-in-shared-code":     "a private logger no code of its class names is told from the source's text; a class file's facts hold no reads of a field",
	"serviceloader-default-loader":     "whether the context loader read before an own-loader lookup is tested for null (the own loader where the thread has none) or only asked after it (own loader first) is read from the method's text; a lookup through a project helper that returns the own loader is found in the sources' call graph",
	"shared-lifecycle-listener":        "reads the handled event type and the own-event guard from the listener's and the handler's text",
	"class-forname-caller-loader": "the source scan exempts code under src/test by its path; the compiled class sits in the fixture jar with no test path; a presence probe is told by its value being discarded, read from the statement's text, or by a catch that answers the missing class, read from the method's text; " +
		"a name of the library's own package or the JDK's is read from the argument's text (X.class.getPackage().getName() + \".gen.\", " +
		"a constant built that way, X.class.getName() + \"$\", a ternary whose branches are JDK names), and from the method's and file's text: " +
		"the returns of the helper that initialises the local (a switch returning constants), a table the static initialiser fills with constants, " +
		"the constant array a loop runs over, an element of a final table of constants (null slots, a column, another class's table or its static getter read from that class's source), a branch prefixing the library's package to a parameter whose callers pass short names, the name an equals test pins it to, names read from a properties file beside the library's class, and a branch an interactive session's switch decides (the if's text); " +
		"a method's parameters have no names in a class file, so the callers that hand a lookup's name parameter constants, " +
		"the loader parameter whose null branch the lookup is (callers handing the context loader), " +
		"the loaders the method tries before it (a field's, in a loop), and callers that take the helper only for the own package or after the application's loaders are not known, " +
		"nor is a helper that loads the class its parameter names, which is reported at its callers, " +
		"nor the callers of a method whose anonymous class hands its captured parameter on (a PrivilegedAction's run()), " +
		"nor which project getters and interface methods return constants of the project in every body; " +
		"what only a command line's main reaches is known from the sources' call graph; " +
		"a lookup a switch that opts out of the context loader guards (if (ignoreTccl)), the own loader's lookup after the context loader's or another loader's failed, " +
		"the own lookup after one through a getter of the class that returns the context loader (read from the method's text), and a lookup through a loader a project getter returns (found from the sources' call graph), " +
		"a name a startsWith(\"java\") test pins to the JDK's and a local whose branches assign constants only are read from the method's text; " +
		"the compiled concatenations are told apart less well: --release 17's invokedynamic X.class.getPackage().getName() + \".Impl\" is reported, " +
		"--release 8's StringBuilder p.getName() + \".Impl\" of a Package parameter is not",
	"classname-keyed-static-cache":       "reads the key expression's text (x.getClass().getName()); bytecode shows a call, not that text",
	"executor-leak":                      "decides ownership and shutdown from the method's and class's text",
	"jmx-fixed-name":                     "reads the ObjectName argument's text and the code before it; a server the code made itself (MBeanServerFactory.createMBeanServer) is told from the receiver's source: its variable's initialiser, or the call in the same statement; compiled code does not trace the receiver past the new ObjectName among the arguments",
	"null-parent-classloader-assumption": "reads the text of the branch taken when getParent() is null",
	"own-classloader-lookup":             "reads the name argument's text (a constant concatenation) and whether the proxy interfaces' text names a parameter; that a local assigned more than once holds string literals only is read from the method's text, and a class file's local with several stores has no single value; a resource name made from a parameter whose callers all name the library's own classes, and class names read from a stream the method opened on the same loader's resource, are read from the sources' text and calls",
	"resource-lookup-own-loader":         "reads the name argument's text and the statement around the call: a local assigned string literals only and a private helper's parameter its callers pass fixed names are read from the method's and the callers' text (a class file's local with several stores has no single value, and its parameters no callers), a name parameter whose callers (constructors' creations included) all pass the library's own paths is settled from the sources' calls, which a class file's scan does not search, and the system lookup in the branch taken when the class's loader is null (cl == null ? ... : ..., if (cl == null) return ...) from the text before the call (a braceless else, null written first), and a lookup after a call of a project helper returning the thread context loader (one hop through the class's own methods) from the calls the method's text makes",
	"static-mutable-state":               "a field declaration has no line in a class file (the finding is at line 0 or at its <clinit> line), the class-name-key exemption reads source text, a private helper of <clinit> is told from the class file's calls only where no other class file can call it (before nestmates, or a class that nests none) and not when a method reference hands it out, and whether a stored value was handed in (what is reported) is read from the source's parameters and constants; javac drops the calls a false debug switch guards, so a class file cannot tell a debug-only private setter from one called elsewhere, nor a key derived from a class loader; the callers of a setter, whose fixed arguments make every app store the same value, are found in the sources' call graph only (so are the writers only a launcher's main reaches), and a work queue's drain (a loop of poll(), a walk applied to another static then clear(), a walk then a reset to a fresh collection, a pending-removal list another static's removeAll takes and clear() then empties), and a copy of another static kept only to be compared with it is told by its uses in the file's text and the owner object an owner-keyed registry's entries are put and removed under is read from the methods' text (a class file tells a parameter's type, not a local's, and only in a class that nests none, whose writes are all its own), as are the uses of a cache's switch or size; a field its javadoc keeps for tests is told by the comment; a field a package-private routine of the static initialiser fills once is settled from the routine's callers, found in the sources' call graph; that a raw map is weak-keyed is read from its initialiser's text (a synchronizedMap around a new WeakHashMap), which a class file keeps only as calls in <clinit>; an array a method fills slot by slot is judged from the text of the slot's index and the stored value, which a class file does not keep: the source reports the arrays whose slots take another input or a value handed in, and the class-file path reports no array filled by slot stores; a privileged action a static initialiser hands to doPrivileged (run before the initialiser goes on) is told by the static block's text around it, where a class file has the action's run() in a class of its own; a package-private constructor that only the static initialiser calls in its file (a typesafe enum registering its constants) waits for the project's other creations of the class, which only the sources' call graph reads; a public static that no code of the project reads (a generated token manager's debugStream) is told by the sources' text, and a class file's facts hold no reads of a field",
	"static-singleton-first-wins":        "reads the assigned value's text and the field's declaration line",
	"stdout-usage":                       "reads the receiver's text (System.out through a local or a field); an uncalled private method is told by the file's text; what only an entry point reaches is known from the sources' call graph; a print in a catch is the last resort of logging by the text of the try block it handles (only logger calls) or a comment in the catch, which compiled code has no text of, and output a switch decides by the text of the if condition (if (!quiet)), also an if further out than the innermost block (a loop in if (debug)), or early return (if (!debug) return;) before it; a print in a static initialiser's catch that then throws is told by the catch block's text; javac drops the branch of if (false) and of a static final false, but a local whose only value is false is a variable in compiled code; a print whose message says it should not (or cannot) happen is told by the message's text, and a method's one finding falls on the first print the class file shows, a debug branch's too (and, at --release 8, on the catch's second print)",
	"url-stream-handler-factory":         "a factory only a command line's main installs is known from the sources' call graph",
	"system-exit":                        "the call graph finds callers and entry points in sources only: a helper's callers and the exits only main reaches are not known in class files; an exiting field's invocation is told by the field's initialiser text; the class file of an anonymous class does not show that its nest declares main (a command-line class); the flag an exit is guarded by, and an uncalled private method, are read from the source's text; a class file keeps no parameter names, which tell a command line (a String[] named args) from data, so in a class that uses an option parser the call graph takes every String[] parameter for the command line; a method that reads option flags from a String[] named as the command line (a front end with no option parser) is told by its text",
	"system-property-mutation":           "tells a restoring removal by the key expression's text, a put-back of a value saved from the same key (and so the removal it undoes, and the saving read) by the file's text, an uncalled private method by the file's text, and writes only main reaches (and the reads of keys only such writes set) by the sources' call graph, and a fill from the environment by the guard around it, read from the method's text",
	"jvm-global-default-mutation":        "tells a restoring stream swap by the saved variable's text, a branch taken only in a native image by the if condition's text, an uncalled private method by the file's text, and changes only main reaches by the sources' call graph; a nested class's reset to null undoes its top-level class's change, which a class file of the nested class does not hold",
	"shutdown-hook":                      "tells an uncalled private method by the file's text; hooks only main reaches are known from the sources' call graph",
	"logging-context-reset":              "tells the java.util.logging root logger by the receiver's text (getLogger(\"\"), a variable or field holding it), and a reset guarded by an instanceof test of the LogManager by the method's text",
	"tccl-not-propagated":                "reads the text after the submission, the variable names and the task's text (a lambda that sets the context loader itself), and follows the task to the code it runs (a lambda's or method reference's body, the methods of the file it calls, what a field or a wrapper holds) in the source text",
	"tccl-not-restored":                  "reads the saved variable's name and the text after the call, and the callers of a private switch helper from the file's text (their save before the call and restore in finally); what only an entry point reaches is known from the sources' call graph; a Runnable handed to a ThreadFactory's newThread is told by its place among the call's arguments, which compiled code makes a class of its own; a get-and-set action's return of the loader it read before the switch is read from the method's text; a privileged action whose run() sets the loader its creator hands in waits for the sources' calls of its factory, read from their text (a save before, the same action made again in finally)",
	"thread-leak":                        "looks for run loops, the receiver's declaration and what the started thread's task runs (a bounded task, a loop its owner's stop or end method ends, a sibling stop method naming the thread) in the source text",
	"threadlocal-leak":                   "a finally block's remove() is compiled once per exit path; the inlined copies are not told apart from the try body; a set of a parameter declared with a JDK type is matched by the parameter's name, which class files do not keep, and a setter made for save and restore by its text (the field's get() before, a return after); a self-filling field (withInitial) is told by its declaration's text, which a class file's field has none of, and a getter caching per thread a value it makes by the getter's text; a holder class of JDK values is judged by its fields, which sit in its own class file; a value made in the set call itself (set(new T(...))) is not followed in class files",
	"timer-leak":                         "decides ownership and cancel() from the class's text",
}

var fixtureRoles = map[string]facts.Role{
	"base": facts.RoleBase, "module": facts.RoleModule, "shared": facts.RoleShared, "private": facts.RolePrivate,
}

// TestBytecodeAgreesWithSource scans every rule fixture that compiles
// against the library stubs of testdata/bytecode/stubs twice, as source and
// as the classes javac --release 8 and 17 made of it
// (testdata/bytecode/build.sh), and compares rule and line. The fixture's
// bytecode annotations list the differences it expects; one that no release
// shows any more fails the test too.
func TestBytecodeAgreesWithSource(t *testing.T) {
	rulesDir, _ := filepath.Abs("../testdata/rules")
	expected := bytecodeAnnotations(t, rulesDir)
	used := map[string]bool{}
	for _, rel := range []string{"8", "17"} {
		t.Run("release-"+rel, func(t *testing.T) {
			byFixture := map[string][]classJob{}
			names := map[string]map[string]bool{}
			err := archive.Walk(context.Background(), "../testdata/bytecode/fixtures-"+rel+".jar", archive.Options{},
				archive.VisitorFuncs{EntryFunc: func(e *archive.Entry) error {
					i := strings.Index(e.Name, ".java/")
					if i < 0 || !strings.HasSuffix(e.Name, ".class") {
						return nil
					}
					fx := e.Name[:i+len(".java")]
					data, err := e.ReadAll()
					if err != nil {
						return err
					}
					byFixture[fx] = append(byFixture[fx], classJob{data: data, path: e.Path, anchor: fx})
					if names[fx] == nil {
						names[fx] = map[string]bool{}
					}
					names[fx][strings.ReplaceAll(strings.TrimSuffix(e.Name[i+len(".java/"):], ".class"), "/", ".")] = true
					return nil
				}})
			if err != nil {
				t.Fatal(err)
			}
			if len(byFixture) < 110 {
				t.Fatalf("only %d fixtures compiled; rebuild with testdata/bytecode/build.sh", len(byFixture))
			}
			var fixtures []string
			for fx := range byFixture {
				fixtures = append(fixtures, fx)
			}
			sort.Strings(fixtures)
			for _, fx := range fixtures {
				role := fixtureRoles[strings.Split(fx, "/")[1]]
				src := sourceLines(t, rulesDir, fx, role)
				bin := bytecodeLines(t, fx, byFixture[fx], names[fx], role)
				for _, k := range diff(src, bin) {
					if len(expected[fx][k]) > 0 {
						used[fx+" "+k] = true
						continue
					}
					if k[0] == '-' {
						t.Errorf("%s: bytecode misses %s: fix it, or mark the want bytecode:- (or bytecode:N) and say why in bytecodeReasons", fx, k[1:])
					} else {
						t.Errorf("%s: only bytecode reports %s: fix it, or add `// want \"rule\" source:-` on the line and say why in bytecodeReasons", fx, k[1:])
					}
				}
			}
		})
	}
	// An annotation whose difference no release shows is stale: bytecode
	// now agrees there, and it would hide a regression.
	if t.Failed() {
		return
	}
	for fx, ks := range expected {
		for k, lines := range ks {
			if !used[fx+" "+k] {
				t.Errorf("%s:%s: stale bytecode annotation: bytecode agrees with the source on %s", fx, joinLines(lines), k[1:])
			}
		}
	}
}

// bytecodeAnnotations reads the bytecode modifiers of the rule fixtures'
// want comments as the differences they allow, "-rule:line" (a source
// finding bytecode misses) or "+rule:line" (a bytecode finding the source
// does not have), per fixture, with the lines that ask for each.
func bytecodeAnnotations(t *testing.T, rulesDir string) map[string]map[string][]int {
	out := map[string]map[string][]int{}
	err := filepath.WalkDir(rulesDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".java") {
			return err
		}
		rel, _ := filepath.Rel(rulesDir, path)
		fx := filepath.ToSlash(rel)
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		wants, err := ruletest.Parse(src)
		if err != nil {
			return fmt.Errorf("%s: %v", fx, err)
		}
		allow := func(w ruletest.Want, k string) {
			if bytecodeReasons[w.Rule] == "" {
				t.Errorf("%s:%d: bytecode annotation for %s, which has no entry in bytecodeReasons", fx, w.Line, w.Rule)
			}
			if out[fx] == nil {
				out[fx] = map[string][]int{}
			}
			out[fx][k] = append(out[fx][k], w.Line)
		}
		for _, w := range wants {
			switch {
			case !w.Source:
				allow(w, fmt.Sprintf("+%s:%d", w.Rule, w.BytecodeLine))
			case w.BytecodeLine != w.Line:
				allow(w, fmt.Sprintf("-%s:%d", w.Rule, w.Line))
				if w.BytecodeLine >= 0 {
					allow(w, fmt.Sprintf("+%s:%d", w.Rule, w.BytecodeLine))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func joinLines(ls []int) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = strconv.Itoa(l)
	}
	return strings.Join(s, ",")
}

func sourceLines(t *testing.T, dir, fx string, role facts.Role) map[string]bool {
	res, err := Scan(context.Background(), Options{Paths: []string{filepath.Join(dir, fx)}, Root: dir, Rules: rules.All(), Jobs: 1, Role: role})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, f := range res.Findings {
		if f.RuleID != "invalid-suppression" {
			out[fmt.Sprintf("%s:%d", f.RuleID, f.Region.StartLine)] = true
		}
	}
	return out
}

func bytecodeLines(t *testing.T, fx string, jobs []classJob, names map[string]bool, role facts.Role) map[string]bool {
	e, err := newEnv(&Options{Rules: rules.All(), Role: role, Root: os.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	e.index = newProjectIndex([]input{testInput("/"+fx, fx)}, nil, e.plan.rules)
	id := e.index.archiveIDOf(facts.ArchiveRef{Archive: fx, Anchor: fx})
	for n := range names {
		e.index.addClass(n, id)
	}
	bx := bytecode.NewExtractor(bytecode.ForRules(e.plan.classCalls, e.plan.classOwned, e.plan.interest.News))
	for _, j := range jobs {
		j.role = role
		out := scanClass(bx, j, e.plan, &Work{})
		for _, n := range out.notes {
			t.Errorf("%s: %s", fx, n.Message)
		}
		e.report(out.findings)
		if out.facts != nil {
			e.index.keepClass(j.data, out.facts, j.path, entryAt{anchor: j.anchor, role: role})
		}
	}
	projectPass(e, nil, nil, projectFacts{files: e.index.sortedProjectFiles()})
	out := map[string]bool{}
	for _, f := range dropDeclared(e.findings, e.index.declared) {
		out[fmt.Sprintf("%s:%d", f.RuleID, f.SourceLine)] = true
	}
	return out
}

// diff lists "-rule:line" for source findings bytecode misses and
// "+rule:line" for bytecode findings the source scan does not have.
func diff(src, bin map[string]bool) []string {
	var out []string
	for k := range src {
		if !bin[k] {
			out = append(out, "-"+k)
		}
	}
	for k := range bin {
		if !src[k] {
			out = append(out, "+"+k)
		}
	}
	sort.Strings(out)
	return out
}

// TestFixtureJarsCurrent catches fixture jars patched by hand or not
// rebuilt since the fixtures changed, without a JDK: every rule fixture is,
// per release, either in the jar or listed in uncompiled.txt as failing to
// compile on its own (build.sh writes both), and every class a fixture in
// the jar declares has an entry there. A changed method body only a rebuild
// shows.
func TestFixtureJarsCurrent(t *testing.T) {
	rulesDir := "../testdata/rules"
	var fixtures []string
	err := filepath.WalkDir(rulesDir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".java") {
			rel, _ := filepath.Rel(rulesDir, path)
			fixtures = append(fixtures, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	list, err := os.ReadFile("../testdata/bytecode/uncompiled.txt")
	if err != nil {
		t.Fatal(err)
	}
	uncompiled := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		uncompiled[l] = true
	}
	x, err := javasrc.NewExtractor(javasrc.Interest{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	const rebuild = "rebuild with sh testdata/bytecode/build.sh (never jar --update)"
	for _, rel := range []string{"8", "17"} {
		entries := map[string]bool{}
		inJar := map[string]bool{}
		err := archive.Walk(context.Background(), "../testdata/bytecode/fixtures-"+rel+".jar", archive.Options{},
			archive.VisitorFuncs{EntryFunc: func(e *archive.Entry) error {
				if i := strings.Index(e.Name, ".java/"); i >= 0 && strings.HasSuffix(e.Name, ".class") {
					entries[e.Name] = true
					inJar[e.Name[:i+len(".java")]] = true
				}
				return nil
			}})
		if err != nil {
			t.Fatal(err)
		}
		known := map[string]bool{}
		for _, fx := range fixtures {
			known[fx] = true
			switch in, out := inJar[fx], uncompiled[rel+" "+fx]; {
			case in && out:
				t.Errorf("release %s: %s is in the jar and in uncompiled.txt: %s", rel, fx, rebuild)
			case !in && !out:
				t.Errorf("release %s: %s is neither in the jar nor in uncompiled.txt: %s", rel, fx, rebuild)
			case in:
				src, err := os.ReadFile(filepath.Join(rulesDir, fx))
				if err != nil {
					t.Fatal(err)
				}
				f, _, err := x.Extract(fx, src, nil)
				if err != nil {
					t.Fatalf("%s: %v", fx, err)
				}
				for _, td := range f.TypeDecls {
					if n := fx + "/" + strings.ReplaceAll(td.Name, ".", "/"); !entries[n+".class"] && !localClassEntry(entries, n) {
						t.Errorf("release %s: %s declares %s, which the jar lacks: %s", rel, fx, td.Name, rebuild)
					}
				}
			}
		}
		for fx := range inJar {
			if !known[fx] {
				t.Errorf("release %s: the jar holds %s, which is no fixture now: %s", rel, fx, rebuild)
			}
		}
	}
}

// localClassEntry reports an entry of a class declared in a method body:
// javac names Outer$Local Outer$1Local.class.
func localClassEntry(entries map[string]bool, name string) bool {
	i := strings.LastIndexByte(name, '$')
	if i < 0 {
		return false
	}
	outer, local := name[:i+1], name[i+1:]
	for e := range entries {
		if mid, ok := strings.CutPrefix(e, outer); ok {
			if n, ok := strings.CutSuffix(mid, local+".class"); ok && n != "" && strings.Trim(n, "0123456789") == "" {
				return true
			}
		}
	}
	return false
}
