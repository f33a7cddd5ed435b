package scope

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Each case is a small tree (src/main/java sources by path) and the
// expected decisions of some of its files.
func TestUsedBy(t *testing.T) {
	const gui = "package org.db.util;\nimport java.awt.Frame;\nimport java.awt.event.ActionEvent;\npublic class Transfer extends Frame {\n  TransferHelper h = new TransferHelper();\n}\n"
	const task = "package org.db.util.preprocessor;\nimport org.apache.tools.ant.Task;\npublic class PreprocessorTask extends Task {\n  public void execute() { Preprocessor.preprocess(dir); }\n}\n"
	for _, tc := range []struct {
		name   string
		files  map[string]string
		want   map[string]Class // by file, below src/main/java/
		at     map[string]string
		reason map[string]string // default usedByReason for a helper
	}{
		{
			name: "package-private helper of a GUI tool",
			files: map[string]string{
				"org/db/util/Transfer.java":       gui,
				"org/db/util/TransferHelper.java": "package org.db.util;\nclass TransferHelper { MysqlHelper m = new MysqlHelper(); }\n",
				// reached through the helper: set aside too
				"org/db/util/MysqlHelper.java": "package org.db.util;\nclass MysqlHelper {}\n",
				// not used by the GUI: production
				"org/db/util/Other.java": "package org.db.util;\nclass Other {}\n",
			},
			want: map[string]Class{"org/db/util/TransferHelper.java": Desktop, "org/db/util/MysqlHelper.java": Desktop, "org/db/util/Other.java": Production, "org/db/util/Transfer.java": Desktop},
			at:   map[string]string{"org/db/util/MysqlHelper.java": "org/db/util/Transfer.java"},
		},
		{
			name: "public preprocessor of an Ant task in its package",
			files: map[string]string{
				"org/db/util/preprocessor/PreprocessorTask.java": task,
				"org/db/util/preprocessor/Preprocessor.java":     "package org.db.util.preprocessor;\npublic class Preprocessor { public static void preprocess(String d) {} }\n",
			},
			want: map[string]Class{"org/db/util/preprocessor/Preprocessor.java": BuildTool},
		},
		{
			name: "a helper named only in a comment of the GUI stays production",
			files: map[string]string{
				"org/db/util/Transfer.java":       strings.Replace(gui, "TransferHelper h = new TransferHelper();", "// see TransferHelper", 1),
				"org/db/util/TransferHelper.java": "package org.db.util;\nclass TransferHelper {}\n",
			},
			want: map[string]Class{"org/db/util/TransferHelper.java": Production},
		},
		{
			name: "used by the GUI and by production code of the package",
			files: map[string]string{
				"org/db/util/Transfer.java":       gui,
				"org/db/util/TransferHelper.java": "package org.db.util;\nclass TransferHelper {}\n",
				"org/db/util/Server.java":         "package org.db.util;\nclass Server { TransferHelper t; }\n",
			},
			want: map[string]Class{"org/db/util/TransferHelper.java": Production},
		},
		{
			name: "used by the GUI and, through a helper, by production code",
			files: map[string]string{
				"org/db/util/Transfer.java":       gui,
				"org/db/util/TransferHelper.java": "package org.db.util;\nclass TransferHelper { MysqlHelper m; }\n",
				"org/db/util/MysqlHelper.java":    "package org.db.util;\nclass MysqlHelper {}\n",
				"org/db/jdbc/Driver.java":         "package org.db.jdbc;\nimport org.db.util.*;\nclass Driver { MysqlHelper m; }\n",
			},
			want: map[string]Class{"org/db/util/TransferHelper.java": Desktop, "org/db/util/MysqlHelper.java": Production},
		},
		{
			name: "used by production code of another package by qualified name",
			files: map[string]string{
				"org/db/util/preprocessor/PreprocessorTask.java": task,
				"org/db/util/preprocessor/Preprocessor.java":     "package org.db.util.preprocessor;\npublic class Preprocessor {}\n",
				"org/db/Main.java": "package org.db;\nclass Main { org.db.util.preprocessor.Preprocessor p; }\n",
			},
			want: map[string]Class{"org/db/util/preprocessor/Preprocessor.java": Production},
		},
		{
			name: "loaded by reflection from a quoted name",
			files: map[string]string{
				"org/db/util/preprocessor/PreprocessorTask.java": task,
				"org/db/util/preprocessor/Preprocessor.java":     "package org.db.util.preprocessor;\npublic class Preprocessor {}\n",
				"org/db/Main.java": "package org.db;\nclass Main { Object p = Class.forName(\"org.db.util.preprocessor.Preprocessor\"); }\n",
			},
			want: map[string]Class{"org/db/util/preprocessor/Preprocessor.java": Production},
		},
		{
			name: "a service implementation",
			files: map[string]string{
				"org/db/util/preprocessor/PreprocessorTask.java": task,
				"org/db/util/preprocessor/Preprocessor.java":     "package org.db.util.preprocessor;\npublic class Preprocessor {}\n",
				"../resources/META-INF/services/org.db.Spi":      "org.db.util.preprocessor.Preprocessor\n",
			},
			want: map[string]Class{"org/db/util/preprocessor/Preprocessor.java": Production},
		},
		{
			name: "a public class of another package only the GUI uses is API",
			files: map[string]string{
				"org/db/util/Transfer.java": strings.Replace(gui, "import java.awt.Frame;", "import java.awt.Frame;\nimport org.db.api.Table;", 1) + "class X { Table t; }\n",
				"org/db/api/Table.java":     "package org.db.api;\npublic class Table {}\n",
			},
			want: map[string]Class{"org/db/api/Table.java": Production},
		},
		{
			name: "a GUI's manager in a subpackage of the GUI's package, built by its factory",
			files: map[string]string{
				"org/db/inspector/Inspector.java":           "package org.db.inspector;\nimport javax.swing.JFrame;\nimport org.db.inspector.manager.ManagerImpl;\npublic class Inspector extends JFrame {\n  ManagerImpl m = new ManagerImpl();\n}\n",
				"org/db/inspector/manager/ManagerImpl.java": "package org.db.inspector.manager;\nimport org.db.inspector.model.Cache;\npublic class ManagerImpl { Cache c; Helper h; }\n",
				"org/db/inspector/manager/Helper.java":      "package org.db.inspector.manager;\nclass Helper {}\n",
				"org/db/inspector/model/Cache.java":         "package org.db.inspector.model;\npublic class Cache {}\n",
				// a sibling of the GUI's package: the library's API
				"org/db/client/Client.java": "package org.db.client;\npublic class Client {}\n",
			},
			want: map[string]Class{"org/db/inspector/manager/ManagerImpl.java": Desktop, "org/db/inspector/manager/Helper.java": Desktop,
				"org/db/inspector/model/Cache.java": Desktop, "org/db/client/Client.java": Production},
			at: map[string]string{"org/db/inspector/model/Cache.java": "org/db/inspector/Inspector.java"},
			reason: map[string]string{"org/db/inspector/manager/ManagerImpl.java": usedByToolReason, "org/db/inspector/manager/Helper.java": usedByToolReason,
				"org/db/inspector/model/Cache.java": usedByToolReason},
		},
		{
			name: "a subpackage class the GUI and production code use",
			files: map[string]string{
				"org/db/inspector/Inspector.java":           "package org.db.inspector;\nimport javax.swing.JFrame;\nimport org.db.inspector.manager.ManagerImpl;\npublic class Inspector extends JFrame {\n  ManagerImpl m = new ManagerImpl();\n}\n",
				"org/db/inspector/manager/ManagerImpl.java": "package org.db.inspector.manager;\nimport org.db.inspector.model.Cache;\npublic class ManagerImpl { Cache c; }\n",
				"org/db/inspector/model/Cache.java":         "package org.db.inspector.model;\npublic class Cache {}\n",
				"org/db/server/Server.java":                 "package org.db.server;\nimport org.db.inspector.manager.ManagerImpl;\nclass Server { ManagerImpl m; }\n",
			},
			want: map[string]Class{"org/db/inspector/manager/ManagerImpl.java": Production, "org/db/inspector/model/Cache.java": Production},
		},
		{
			name: "a console class in a product package sets aside nothing of its subpackages",
			files: map[string]string{
				"org/db/Completer.java":   "package org.db;\nimport jline.console.completer.Completer;\nclass JCompleter implements Completer { String[] c = Shell.commands(); }\n",
				"org/db/Shell.java":       "package org.db;\nimport org.db.admin.Admin;\npublic class Shell { Admin a; static String[] commands() { return null; } }\n",
				"org/db/Client.java":      "package org.db;\npublic class Client {}\n",
				"org/db/Session.java":     "package org.db;\npublic class Session {}\n",
				"org/db/Store.java":       "package org.db;\npublic class Store {}\n",
				"org/db/admin/Admin.java": "package org.db.admin;\npublic class Admin {}\n",
			},
			want: map[string]Class{"org/db/Completer.java": CLI, "org/db/Shell.java": CLI, "org/db/admin/Admin.java": Production},
		},
		{
			name: "test utilities in a test package that a test driver's main uses",
			files: map[string]string{
				"com/foo/test/TestDriver.java": "package com.foo.test;\npublic class TestDriver {\n  public static void main(String[] args) { Checks.check(); }\n}\n",
				"com/foo/test/Checks.java":     "package com.foo.test;\nimport com.foo.test.util.Data;\npublic class Checks { public static void check() { Data.make(); } }\n",
				"com/foo/test/util/Data.java":  "package com.foo.test.util;\npublic class Data { public static void make() {} }\n",
			},
			want: map[string]Class{"com/foo/test/TestDriver.java": TestSupport, "com/foo/test/Checks.java": TestSupport, "com/foo/test/util/Data.java": TestSupport},
			at:   map[string]string{"com/foo/test/TestDriver.java": "com/foo/test/TestDriver.java"},
			reason: map[string]string{"com/foo/test/TestDriver.java": testSupportReason, "com/foo/test/Checks.java": testSupportReason,
				"com/foo/test/util/Data.java": testSupportReason},
		},
		{
			name: "test utilities in a test package that tests use",
			files: map[string]string{
				"com/foo/test/TestUtils.java":                "package com.foo.test;\npublic class TestUtils { public static void check() {} }\n",
				"com/foo/test/Fixtures.java":                 "package com.foo.test;\npublic class Fixtures {}\n",
				"../../test/java/com/foo/core/CoreTest.java": "package com.foo.core;\nimport com.foo.test.Fixtures;\npublic class CoreTest { Fixtures f; }\n",
			},
			want: map[string]Class{"com/foo/test/TestUtils.java": TestSupport, "com/foo/test/Fixtures.java": TestSupport},
		},
		{
			name: "a test package that production code imports stays production",
			files: map[string]string{
				"com/foo/test/Probe.java":  "package com.foo.test;\npublic class Probe {}\n",
				"com/foo/core/Engine.java": "package com.foo.core;\nimport com.foo.test.Probe;\npublic class Engine { Probe p; }\n",
			},
			want: map[string]Class{"com/foo/test/Probe.java": Production},
		},
		{
			name: "a class of a test package no one uses is a plugin, not test support",
			files: map[string]string{
				"org/app/sampler/test/JavaTest.java": "package org.app.sampler.test;\nimport org.app.sampler.Sampler;\npublic class JavaTest extends Sampler {}\n",
				"org/app/sampler/Sampler.java":       "package org.app.sampler;\npublic abstract class Sampler {}\n",
			},
			want: map[string]Class{"org/app/sampler/test/JavaTest.java": Production},
		},
		{
			name: "a class named as test support and its own helper",
			files: map[string]string{
				"com/foo/util/IoTestUtils.java": "package com.foo.util;\npublic class IoTestUtils { TempFiles t; }\n",
				"com/foo/util/TempFiles.java":   "package com.foo.util;\nclass TempFiles {}\n",
				"com/foo/util/Strings.java":     "package com.foo.util;\npublic class Strings {}\n",
			},
			want:   map[string]Class{"com/foo/util/IoTestUtils.java": TestSupport, "com/foo/util/TempFiles.java": TestSupport, "com/foo/util/Strings.java": Production},
			reason: map[string]string{"com/foo/util/TempFiles.java": testSupportReason},
		},
		{
			name: "a harness named *Testing that only tests use",
			files: map[string]string{
				"vtk/vtkJavaTesting.java":    "package vtk;\npublic class vtkJavaTesting { public static void Exit(int c) {} }\n",
				"vtk/vtkObject.java":         "package vtk;\npublic class vtkObject {}\n",
				"vtk/VisibleForTesting.java": "package vtk;\npublic @interface VisibleForTesting {}\n",
				"vtk/vtkGC.java":             "package vtk;\npublic class vtkGC { @VisibleForTesting void run() {} }\n",
			},
			want: map[string]Class{"vtk/vtkJavaTesting.java": TestSupport, "vtk/vtkObject.java": Production, "vtk/VisibleForTesting.java": Production},
		},
		{
			name: "a class named as test support that production code uses",
			files: map[string]string{
				"com/foo/util/IoTestSupport.java": "package com.foo.util;\npublic class IoTestSupport {}\n",
				"com/foo/io/Files.java":           "package com.foo.io;\nimport com.foo.util.IoTestSupport;\npublic class Files { IoTestSupport s; }\n",
			},
			want: map[string]Class{"com/foo/util/IoTestSupport.java": Production},
		},
		{
			name: "a public class no one in the tree uses is API",
			files: map[string]string{
				"org/db/util/Transfer.java": gui,
				"org/db/util/Codec.java":    "package org.db.util;\npublic class Codec {}\n",
			},
			want: map[string]Class{"org/db/util/Codec.java": Production},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			heads := map[string][]byte{}
			for rel, src := range tc.files {
				rel = filepath.ToSlash(filepath.Join("src/main/java", rel))
				p := filepath.Join(root, filepath.FromSlash(rel))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
				heads[rel] = []byte(src)
			}
			// One worker and several: the indexes read files at once.
			c, c4 := New(root, Options{}), New(root, Options{Jobs: 4})
			for rel, class := range tc.want {
				rel = "src/main/java/" + rel
				d := c.File(rel, heads[rel])
				if d4 := c4.File(rel, heads[rel]); !reflect.DeepEqual(d4, d) {
					t.Errorf("%s: %v with 4 workers, %v with one", rel, d4, d)
				}
				if d.Class != class {
					t.Errorf("%s: %v, want %v", rel, d, class)
				}
				if at, ok := tc.at[strings.TrimPrefix(rel, "src/main/java/")]; ok && d.At != "src/main/java/"+at {
					t.Errorf("%s: user %q, want %q", rel, d.At, at)
				}
				reason, ok := tc.reason[strings.TrimPrefix(rel, "src/main/java/")]
				if !ok && class != Production && d.At != rel {
					reason = usedByReason
				}
				if reason != "" && d.Reason != reason {
					t.Errorf("%s: reason %q, want %q", rel, d.Reason, reason)
				}
			}
		})
	}
}

// TestWalkConfinedToTargets: a scan of a directory reads the project
// that holds it (the nearest directory with a build file), or the
// directory alone when no project does. Run from above, it used to read
// the whole current directory, and what lay beside the target changed its
// decisions.
func TestWalkConfinedToTargets(t *testing.T) {
	root := t.TempDir()
	write := func(rel, src string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const helper = "app/src/main/java/org/db/util/TransferHelper.java"
	// A helper only the GUI beside it uses: set aside when the GUI is
	// read, production when only what lies elsewhere is.
	write("app/src/main/java/org/db/util/Transfer.java", "package org.db.util;\nimport java.awt.Frame;\npublic class Transfer extends Frame {\n  TransferHelper h = new TransferHelper();\n}\n")
	write(helper, "package org.db.util;\nclass TransferHelper {}\n")
	write("lib/src/main/java/org/db/core/Engine.java", "package org.db.core;\nclass Engine {}\n")
	head := []byte("package org.db.util;\nclass TransferHelper {}\n")
	sub := "app/src/main/java/org/db/util/sub" // names nothing: the helper's package is beside it
	check := func(stage, name string, opts Options, want Class) {
		t.Helper()
		if got := New(root, opts).File(helper, head); got.Class != want {
			t.Errorf("%s, %s: %s = %v, want %s", stage, name, helper, got, want)
		}
	}
	roots := func(opts Options) []string {
		var out []string
		for _, p := range New(root, opts).walkRoots() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return out
	}
	// No build file anywhere: each target alone.
	check("no project", "whole root", Options{Targets: []string{"."}}, Desktop)
	check("no project", "the app", Options{Targets: []string{"app"}}, Desktop)
	check("no project", "nested targets", Options{Targets: []string{"lib", "app/src", "app"}}, Desktop)
	check("no project", "a directory beside the GUI", Options{Targets: []string{sub}}, Production)
	check("no project", "a file of the library", Options{FileDirs: []string{"lib/src/main/java/org/db/core"}}, Production)
	if got := roots(Options{Targets: []string{"lib", "app/src", "app"}}); !slices.Equal(got, []string{"app", "lib"}) {
		t.Errorf("walk roots = %v, want [app lib]", got)
	}
	// A build file at the root: every target is in its project.
	write("pom.xml", "<project/>")
	check("root project", "a directory beside the GUI", Options{Targets: []string{sub}}, Desktop)
	check("root project", "a file of the library", Options{FileDirs: []string{"lib/src/main/java/org/db/core"}}, Desktop)
	// Modules with their own build files: each target's module.
	write("app/pom.xml", "<project/>")
	write("lib/build.gradle", "")
	check("modules", "a directory beside the GUI", Options{Targets: []string{sub}}, Desktop)
	check("modules", "the library", Options{Targets: []string{"lib"}}, Production)
	if got := roots(Options{Targets: []string{"lib/src/main"}, FileDirs: []string{sub}}); !slices.Equal(got, []string{"app", "lib"}) {
		t.Errorf("walk roots of modules = %v, want [app lib]", got)
	}
}

// asideMarked answers as a search for each of asideMarks does, on the
// fixtures and on each mark at the start, the end and inside a head, and
// cut short by a byte.
func TestAsideMarkedIsEachMark(t *testing.T) {
	naive := func(head []byte) bool {
		for _, m := range asideMarks {
			if bytes.Contains(head, m) {
				return true
			}
		}
		return false
	}
	heads := []string{"", "org.", "org.apache.mave", "java", "javax.swin", "package tes", "packagetest", "org.org.junit"}
	for _, m := range asideMarks {
		heads = append(heads, string(m), "x"+string(m), string(m)+"x", "import "+string(m[:len(m)-1])+";", "org."+string(m))
	}
	filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".java") {
			if b, err := os.ReadFile(p); err == nil {
				heads = append(heads, string(b))
			}
		}
		return nil
	})
	for _, h := range heads {
		if got, want := asideMarked([]byte(h)), naive([]byte(h)); got != want {
			t.Errorf("asideMarked(%.60q) = %v, want %v", h, got, want)
		}
	}
}

// Prepare, run beside decisions and before the poms are listed, leaves
// every decision of the fixture trees as a classifier that builds its
// indexes on demand makes it.
func TestPrepareBesideDecisions(t *testing.T) {
	for _, tree := range []string{"derby", "h2", "hsqldb", "jmeter", "zookeeper", "codegen"} {
		root := filepath.Join("testdata", tree)
		var rels []string
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".java") {
				rel, _ := filepath.Rel(root, p)
				rels = append(rels, filepath.ToSlash(rel))
			}
			return nil
		})
		decide := func(c *Classifier) []Decision {
			var out []Decision
			for _, rel := range rels {
				head, _ := readHead(filepath.Join(root, filepath.FromSlash(rel)))
				out = append(out, c.File(rel, head))
			}
			return out
		}
		want := decide(New(root, Options{Targets: []string{"."}, Jobs: 2}))
		c := New(root, Options{Targets: []string{"."}, Jobs: 2})
		c.AwaitPOMs()
		done := make(chan struct{})
		go func() { c.Prepare(); close(done) }()
		c.ListPOMs(nil, nil)
		got := decide(c)
		<-done
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decisions with Prepare differ", tree)
		}
	}
}
