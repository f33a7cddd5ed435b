package scanner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/archive"
)

// bytecodeExceptions are the differences between the source scan of a
// fixture and the scan of its compiled classes that bytecode cannot avoid,
// as "fixture -rule:line" (a source finding bytecode misses) or
// "fixture +rule:line" (a bytecode finding the source scan does not make);
// bytecodeReasons says why, per rule (see scanner/bytecode's doc). Any other
// difference fails the test.
var bytecodeExceptions = map[string]bool{
	"base-resource-closed-by-module/module/DataSourceConfig.java -base-resource-closed-by-module:17":     true,
	"base-resource-closed-by-module/module/DataSourceConfig.java -base-resource-closed-by-module:22":     true,
	"base-resource-closed-by-module/module/DataSourceConfig.java -base-resource-closed-by-module:28":     true,
	"base-resource-closed-by-module/module/DataSourceConfig.java -base-resource-closed-by-module:33":     true,
	"classloader-captured-at-init/PerCall.java +classloader-captured-at-init:10":                         true,
	"classloader-churn/LookAlike.java +classloader-churn:13":                                             true,
	"java-serialization-caller-loader/shared/SharedCodec.java +java-serialization-caller-loader:7":       true,
	"java-serialization-caller-loader/shared/SharedCodec.java -java-serialization-caller-loader:8":       true,
	"own-classloader-lookup/Lookups.java -own-classloader-lookup:34":                                     true,
	"own-classloader-lookup/Lookups.java -own-classloader-lookup:38":                                     true,
	"serviceloader-default-loader/Providers.java +static-mutable-state:0":                                true,
	"serviceloader-default-loader/Providers.java -static-mutable-state:14":                               true,
	"shared-lifecycle-listener/DubboListener.java -shared-lifecycle-listener:10":                         true,
	"shared-lifecycle-listener/DubboListener.java -shared-lifecycle-listener:15":                         true,
	"shared-lifecycle-listener/shared/CacheListener.java -shared-lifecycle-listener:8":                   true,
	"static-mutable-state/SafeStatics.java +static-mutable-state:21":                                     true,
	"tccl-not-propagated/LookAlike.java +tccl-not-propagated:30":                                         true,
	"class-forname-caller-loader/src/test/java/fixtures/ForNameTest.java +class-forname-caller-loader:6": true,
	"classname-keyed-static-cache/PojoUtils.java +static-mutable-state:13":                               true,
	"classname-keyed-static-cache/PojoUtils.java -classname-keyed-static-cache:13":                       true,
	"classname-keyed-static-cache/SafeCaches.java +classname-keyed-static-cache:13":                      true,
	"classname-keyed-static-cache/shared/OgnlCache.java -classname-keyed-static-cache:8":                 true,
	"executor-leak/module/Pools.java -executor-leak:12":                                                  true,
	"executor-leak/module/Pools.java -executor-leak:13":                                                  true,
	"executor-leak/module/Pools.java -executor-leak:18":                                                  true,
	"executor-leak/module/Pools.java -executor-leak:19":                                                  true,
	"jmx-fixed-name/Safe.java +jmx-fixed-name:14":                                                        true,
	"jmx-fixed-name/Safe.java +jmx-fixed-name:30":                                                        true,
	"jmx-fixed-name/Stats.java -jmx-fixed-name:19":                                                       true,
	"null-parent-classloader-assumption/ProxyFactory.java -null-parent-classloader-assumption:11":        true,
	"null-parent-classloader-assumption/ProxyFactory.java -null-parent-classloader-assumption:18":        true,
	"null-parent-classloader-assumption/ProxyFactory.java -null-parent-classloader-assumption:22":        true,
	"null-parent-classloader-assumption/base/BaseProxy.java -null-parent-classloader-assumption:5":       true,
	"own-classloader-lookup/shared/SharedLookups.java -own-classloader-lookup:13":                        true,
	"own-classloader-lookup/shared/SharedLookups.java -own-classloader-lookup:9":                         true,
	"resource-lookup-own-loader/LookAlike.java +resource-lookup-own-loader:33":                           true,
	"resource-lookup-own-loader/LookAlike.java +resource-lookup-own-loader:38":                           true,
	"resource-lookup-own-loader/LookAlike.java +resource-lookup-own-loader:43":                           true,
	"resource-lookup-own-loader/Resources.java -resource-lookup-own-loader:15":                           true,
	"resource-lookup-own-loader/Resources.java -resource-lookup-own-loader:19":                           true,
	"resource-lookup-own-loader/base/BaseResources.java -resource-lookup-own-loader:7":                   true,
	"static-mutable-state/NativeFlags.java +static-mutable-state:0":                                      true,
	"static-mutable-state/NativeFlags.java -static-mutable-state:5":                                      true,
	"static-mutable-state/TenantHolder.java +static-mutable-state:0":                                     true,
	"static-mutable-state/TenantHolder.java -static-mutable-state:12":                                    true,
	"static-mutable-state/TenantHolder.java -static-mutable-state:13":                                    true,
	"static-mutable-state/TenantHolder.java -static-mutable-state:18":                                    true,
	"static-singleton-first-wins/Client.java +static-singleton-first-wins:0":                             true,
	"static-singleton-first-wins/Client.java -static-singleton-first-wins:47":                            true,
	"static-singleton-first-wins/Client.java -static-singleton-first-wins:7":                             true,
	"static-singleton-first-wins/Client.java -static-singleton-first-wins:8":                             true,
	"static-singleton-first-wins/base/Client.java -static-singleton-first-wins:4":                        true,
	"stdout-usage/Printing.java -stdout-usage:10":                                                        true,
	"stdout-usage/Printing.java -stdout-usage:11":                                                        true,
	"stdout-usage/Printing.java -stdout-usage:19":                                                        true,
	"stdout-usage/module/ModulePrint.java -stdout-usage:6":                                               true,
	"tccl-not-propagated/Submissions.java -tccl-not-propagated:23":                                       true,
	"tccl-not-propagated/Submissions.java -tccl-not-propagated:36":                                       true,
	"tccl-not-restored/LookAlike.java +tccl-not-restored:58":                                             true,
	"tccl-not-restored/LookAlike.java +tccl-not-restored:63":                                             true,
	"thread-leak/Unknown.java -thread-leak:8":                                                            true,
	"thread-leak/module/Poller.java -thread-leak:15":                                                     true,
	"thread-leak/module/Poller.java -thread-leak:23":                                                     true,
	"thread-leak/module/Poller.java -thread-leak:29":                                                     true,
	"threadlocal-leak/Scoped.java +threadlocal-leak:44":                                                  true,
	"threadlocal-leak/Scoped.java +threadlocal-leak:48":                                                  true,
	"timer-leak/module/Timers.java -timer-leak:11":                                                       true,
	"timer-leak/module/Timers.java -timer-leak:12":                                                       true,
	"timer-leak/module/Timers.java -timer-leak:7":                                                        true,
}

var bytecodeReasons = map[string]string{
	"base-resource-closed-by-module":     "reads from the @Bean method's text whether the lookup's value is returned (return ...;)",
	"classloader-captured-at-init":       "tells a lambda in a static field initialiser (run later, per call) by the span it covers in the declaration; bytecode compiles the lambda body to a method of its own",
	"classloader-churn":                  "tells an instance field's initialiser from a per-call creation by the declaration's span; bytecode copies field initialisers into each constructor",
	"java-serialization-caller-loader":   "javac gives a field initialiser the line where its declaration starts, not the line of the new expression on a continuation line",
	"shared-lifecycle-listener":          "reads the handled event type and the own-event guard from the listener's and the handler's text",
	"class-forname-caller-loader":        "the source scan exempts code under src/test by its path; the compiled class sits in the fixture jar with no test path",
	"classname-keyed-static-cache":       "reads the key expression's text (x.getClass().getName()); bytecode shows a call, not that text",
	"executor-leak":                      "decides ownership and shutdown from the method's and class's text",
	"jmx-fixed-name":                     "reads the ObjectName argument's text and the code before it",
	"null-parent-classloader-assumption": "reads the text of the branch taken when getParent() is null",
	"own-classloader-lookup":             "reads the name argument's text (a constant concatenation) and whether the proxy interfaces' text names a parameter",
	"resource-lookup-own-loader":         "reads the name argument's text and the statement around the call",
	"static-mutable-state":               "a field declaration has no line in a class file (the finding is at line 0 or at its <clinit> line), and the private-helper-of-<clinit> and class-name-key exemptions read source text",
	"static-singleton-first-wins":        "reads the assigned value's text and the field's declaration line",
	"stdout-usage":                       "reads the receiver's text (System.out through a local or a field)",
	"tccl-not-propagated":                "reads the text after the submission, the variable names and the task's text (a lambda that sets the context loader itself)",
	"tccl-not-restored":                  "reads the saved variable's name and the text after the call",
	"thread-leak":                        "looks for run loops and the receiver's declaration in the source text",
	"threadlocal-leak":                   "a finally block's remove() is compiled once per exit path; the inlined copies are not told apart from the try body",
	"timer-leak":                         "decides ownership and cancel() from the class's text",
}

var fixtureRoles = map[string]facts.Role{
	"base": facts.RoleBase, "module": facts.RoleModule, "shared": facts.RoleShared, "private": facts.RolePrivate,
}

// TestBytecodeAgreesWithSource scans every rule fixture that compiles
// against the library stubs of testdata/bytecode/stubs twice, as source and
// as the classes javac --release 8 and 17 made of it
// (testdata/bytecode/build.sh), and compares rule and line. An exception
// that no release needs any more fails the test too.
func TestBytecodeAgreesWithSource(t *testing.T) {
	rulesDir, _ := filepath.Abs("../testdata/rules")
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
					rule := strings.SplitN(k[1:], ":", 2)[0]
					if bytecodeExceptions[fx+" "+k] && bytecodeReasons[rule] != "" {
						used[fx+" "+k] = true
						continue
					}
					t.Errorf("%s: %s", fx, k)
				}
			}
		})
	}
	// An exception that no release needs any more is stale: bytecode now
	// agrees there, and the entry would hide a regression.
	failed := t.Failed()
	for k := range bytecodeExceptions {
		if !used[k] && !failed {
			t.Errorf("stale exception %q: bytecode agrees with the source there", k)
		}
	}
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
	e.index = newProjectIndex([]input{{rel: fx}}, nil)
	for n := range names {
		e.index.classes[n] = true
	}
	for _, j := range jobs {
		j.role = role
		out := scanClass(j, e.plan)
		for _, n := range out.notes {
			t.Errorf("%s: %s", fx, n.Message)
		}
		e.report(out.findings)
		if out.facts != nil {
			e.index.keepClass(forProject(out.facts), j.path, entryAt{anchor: j.anchor, role: role})
		}
	}
	projectPass(e, nil)
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
