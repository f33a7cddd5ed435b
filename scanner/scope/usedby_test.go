package scope

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each case is a small tree (src/main/java sources by path) and the
// expected decisions of some of its files.
func TestUsedBy(t *testing.T) {
	const gui = "package org.db.util;\nimport java.awt.Frame;\nimport java.awt.event.ActionEvent;\npublic class Transfer extends Frame {\n  TransferHelper h = new TransferHelper();\n}\n"
	const task = "package org.db.util.preprocessor;\nimport org.apache.tools.ant.Task;\npublic class PreprocessorTask extends Task {\n  public void execute() { Preprocessor.preprocess(dir); }\n}\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  map[string]Class // by file, below src/main/java/
		at    map[string]string
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
			c := New(root, Options{})
			for rel, class := range tc.want {
				rel = "src/main/java/" + rel
				d := c.File(rel, heads[rel])
				if d.Class != class {
					t.Errorf("%s: %v, want %v", rel, d, class)
				}
				if at, ok := tc.at[strings.TrimPrefix(rel, "src/main/java/")]; ok && d.At != "src/main/java/"+at {
					t.Errorf("%s: user %q, want %q", rel, d.At, at)
				}
				if class != Production && d.At != rel && d.Reason != usedByReason {
					t.Errorf("%s: reason %q, want %q", rel, d.Reason, usedByReason)
				}
			}
		})
	}
}
