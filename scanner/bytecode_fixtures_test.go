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
	"class-forname-caller-loader/src/test/java/fixtures/ForNameTest.java +class-forname-caller-loader:6": true,
	"classname-keyed-static-cache/PojoUtils.java +static-mutable-state:10":                               true,
	"classname-keyed-static-cache/PojoUtils.java +static-mutable-state:11":                               true,
	"classname-keyed-static-cache/PojoUtils.java +static-mutable-state:13":                               true,
	"classname-keyed-static-cache/PojoUtils.java -classname-keyed-static-cache:10":                       true,
	"classname-keyed-static-cache/PojoUtils.java -classname-keyed-static-cache:11":                       true,
	"classname-keyed-static-cache/PojoUtils.java -classname-keyed-static-cache:13":                       true,
	"classname-keyed-static-cache/SafeCaches.java +classname-keyed-static-cache:13":                      true,
	"classname-keyed-static-cache/SafeCaches.java +static-mutable-state:10":                              true,
	"classname-keyed-static-cache/SafeCaches.java +static-mutable-state:11":                              true,
	"classname-keyed-static-cache/shared/OgnlCache.java +static-mutable-state:8":                         true,
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
	"class-forname-caller-loader":        "see the rule's fixture",
	"classname-keyed-static-cache":       "reads the key expression's text (x.getClass().getName()); bytecode shows a call, not that text",
	"executor-leak":                      "decides ownership and shutdown from the method's and class's text",
	"jmx-fixed-name":                     "reads the ObjectName argument's text and the code before it",
	"null-parent-classloader-assumption": "reads the text of the branch taken when getParent() is null",
	"own-classloader-lookup":             "reads the name argument's text (a constant concatenation)",
	"resource-lookup-own-loader":         "reads the name argument's text and the statement around the call",
	"static-mutable-state":               "a field declaration has no line in a class file (the finding is at line 0 or at its <clinit> line), and the private-helper-of-<clinit> and class-name-key exemptions read source text",
	"static-singleton-first-wins":        "reads the assigned value's text and the field's declaration line",
	"stdout-usage":                       "reads the receiver's text (System.out through a local or a field)",
	"tccl-not-propagated":                "reads the text after the submission and the variable names",
	"tccl-not-restored":                  "reads the saved variable's name and the text after the call",
	"thread-leak":                        "looks for run loops and the receiver's declaration in the source text",
	"threadlocal-leak":                   "a finally block's remove() is compiled once per exit path; the inlined copies are not told apart from the try body",
	"timer-leak":                         "decides ownership and cancel() from the class's text",
}

var fixtureRoles = map[string]facts.Role{
	"base": facts.RoleBase, "module": facts.RoleModule, "shared": facts.RoleShared, "private": facts.RolePrivate,
}

// TestBytecodeAgreesWithSource scans every rule fixture that compiles on
// its own twice, as source and as the classes javac --release 8 and 17
// made of it (testdata/bytecode/build.sh), and compares rule and line.
func TestBytecodeAgreesWithSource(t *testing.T) {
	rulesDir, _ := filepath.Abs("../testdata/rules")
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
			if len(byFixture) < 60 {
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
						continue
					}
					t.Errorf("%s: %s", fx, k)
				}
			}
		})
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
	p := newPlan(rules.All())
	idx := binIndex{src: newTypeIndex([]input{{rel: fx}}), classes: names}
	bins := &binResult{classes: map[string]binClass{}}
	var found []rules.Finding
	var kept []*facts.File
	for _, j := range jobs {
		j.role = role
		out := scanClass(j, p, idx)
		for _, n := range out.notes {
			t.Errorf("%s: %s", fx, n.Message)
		}
		found = append(found, out.findings...)
		if out.facts != nil {
			kept = append(kept, forProject(out.facts))
			bins.classes[j.path] = binClass{anchor: j.anchor, role: role}
		}
	}
	ro := newRoles(os.TempDir(), nil, role, false)
	proj, _ := projectPass(p, kept, nil, ro, bins)
	found = append(found, proj...)
	out := map[string]bool{}
	for _, f := range found {
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
