package scanner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/scanner/scope"
)

// A whole scan reports nothing in the helpers a GUI tool's package
// imports from its subpackages, nor in test support of the main tree
// that only tests use; the summary counts both by reason, and --include
// non-production brings their findings back. Library code beside them is
// reported as before.
func TestScanSetAsideToolHelpersAndTestSupport(t *testing.T) {
	dir := t.TempDir()
	for p, body := range map[string]string{
		"src/main/java/org/acme/inspector/Inspector.java": `package org.acme.inspector;
import javax.swing.JFrame;
import org.acme.inspector.manager.InspectorManager;
public class Inspector extends JFrame {
    private final InspectorManager manager = InspectorManager.create();
}`,
		"src/main/java/org/acme/inspector/manager/InspectorManager.java": `package org.acme.inspector.manager;
public class InspectorManager {
    public static InspectorManager create() { return new InspectorManager(); }
    public void connect(String hosts) {
        System.out.println("connecting to " + hosts);
    }
}`,
		"src/main/java/org/acme/testing/Fixtures.java": `package org.acme.testing;
public class Fixtures {
    public static Class<?> load(String name) throws Exception {
        System.err.println("loading " + name);
        return Class.forName(name);
    }
}`,
		"src/test/java/org/acme/engine/EngineTest.java": `package org.acme.engine;
import org.acme.testing.Fixtures;
public class EngineTest {
    @org.junit.Test public void starts() throws Exception { Fixtures.load("x"); }
}`,
		"src/main/java/org/acme/engine/Engine.java": `package org.acme.engine;
public class Engine {
    public void start() {
        System.out.println("engine started");
    }
}`,
	} {
		abs := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(abs), 0o755)
		os.WriteFile(abs, []byte(body), 0o644)
	}
	paths := func(res *Result) map[string]int {
		out := map[string]int{}
		for _, f := range res.Findings {
			out[f.Path]++
		}
		return out
	}
	res := scanDir(t, dir, Options{})
	got := paths(res)
	if got["src/main/java/org/acme/engine/Engine.java"] == 0 {
		t.Error("no finding in the library's Engine, want its System.out")
	}
	for _, p := range []string{"src/main/java/org/acme/inspector/manager/InspectorManager.java", "src/main/java/org/acme/testing/Fixtures.java"} {
		if got[p] != 0 {
			t.Errorf("%s: %d findings by default, want none (set aside)", p, got[p])
		}
	}
	reasons := map[string]int{}
	for _, c := range res.Scope.Reasons() {
		reasons[c.Class.String()+": "+c.Reason] += c.N
	}
	for _, want := range []scope.Class{scope.Desktop, scope.TestSupport} {
		found := false
		for r := range reasons {
			if strings.HasPrefix(r, want.String()+": ") && (strings.Contains(r, "helper") || strings.Contains(r, "test-support class")) {
				found = true
			}
		}
		if !found {
			t.Errorf("summary reasons %v: none for a %s helper", reasons, want)
		}
	}
	got = paths(scanDir(t, dir, Options{IncludeNonProduction: true}))
	for _, p := range []string{"src/main/java/org/acme/inspector/manager/InspectorManager.java", "src/main/java/org/acme/testing/Fixtures.java"} {
		if got[p] == 0 {
			t.Errorf("%s: no finding with --include non-production", p)
		}
	}
}
