package scope

import (
	"os"
	"path/filepath"
	"testing"
)

func TestAndroidName(t *testing.T) {
	for name, want := range map[string]bool{
		"android.app.Activity":                     true,
		"android.content.Context":                  true,
		"androidx.appcompat.app.AppCompatActivity": true,
		"android/view/View":                        true,
		"Landroid/os/Bundle;":                      true,
		"android.annotation.SuppressLint":          false,
		"androidx.annotation.Nullable":             false,
		"android.support.annotation.NonNull":       false,
		"android/support/annotation/NonNull":       false,
		"androids.Robot":                           false,
		"org.android.Tool":                         false,
		"java.lang.Object":                         false,
	} {
		if got := androidName(name); got != want {
			t.Errorf("androidName(%q) = %v, want %v", name, got, want)
		}
	}
}

// A source that uses the Android platform's API runs on Android; one that
// only borrows its nullness annotations is plain Java.
func TestAndroidSources(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want Class
	}{
		{"package org.acme.ui;\nimport android.content.Context;\npublic class LayerView { static Context ctx; }\n", Android},
		{"package org.acme.ui;\nimport androidx.fragment.app.Fragment;\npublic class Page extends Fragment {}\n", Android},
		{"package org.acme.lib;\nimport androidx.annotation.Nullable;\npublic class Lib { @Nullable String name; }\n", Production},
		{"package org.acme.lib;\nimport java.util.List;\npublic class Lib {}\n", Production},
	} {
		d, _ := javaSignals(parseJavaHead([]byte(tc.src)), true)
		if d.Class != tc.want {
			t.Errorf("javaSignals(%q) = %v (%s), want %v", tc.src, d.Class, d.Reason, tc.want)
		}
	}
}

// A source root named test below a layout that made its name look like a
// package's (libSBML's src/bindings/java/test/org/sbml/...) is a test tree.
func TestTestSourceRootFromPackage(t *testing.T) {
	files := map[string]string{
		"src/bindings/java/test/org/acme/test/sbml/TestRead.java": "package org.acme.test.sbml;\npublic class TestRead {}\n",
		"src/bindings/java/org/acme/Reader.java":                  "package org.acme;\npublic class Reader {}\n",
		"src/bindings/java/test/Misfiled.java":                    "package org.acme;\npublic class Misfiled {}\n",
		"lib/src/main/java/org/acme/test/Shipped.java":            "package org.acme.test;\npublic class Shipped {}\n",
	}
	checkFileClasses(t, files, map[string]Class{
		"src/bindings/java/test/org/acme/test/sbml/TestRead.java": Test,
		"src/bindings/java/org/acme/Reader.java":                  Production,
		"src/bindings/java/test/Misfiled.java":                    Production,
		"lib/src/main/java/org/acme/test/Shipped.java":            Production,
	})
}

// A class's static members imported whole bring in no type: a superclass
// of the same package is not taken for a member of the test framework.
func TestStaticImportIsNoPackage(t *testing.T) {
	src := "package org.acme.it;\nimport static org.junit.jupiter.api.Assertions.*;\npublic class Runner extends RunnerBase {\n  void check() { assertTrue(true); }\n}\n"
	d, _ := extendsSignal(parseJavaHead([]byte(src)), false)
	if d.Class != Production {
		t.Errorf("extendsSignal = %v (%s), want production", d.Class, d.Reason)
	}
}

// checkFileClasses writes files (slash path relative to a new root ->
// text) and checks the class the classifier gives each path of want.
func checkFileClasses(t *testing.T, files map[string]string, want map[string]Class) {
	t.Helper()
	root := t.TempDir()
	writeFiles(t, root, files)
	c := New(root, Options{})
	for rel, cls := range want {
		if d := c.File(rel, []byte(files[rel])); d.Class != cls {
			t.Errorf("File(%s) = %v (%s), want %v", rel, d.Class, d.Reason, cls)
		}
	}
}

// writeFiles writes files (slash path relative to root -> text) below root.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, src := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
