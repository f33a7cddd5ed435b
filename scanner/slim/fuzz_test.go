package slim

import "testing"

func FuzzParsers(f *testing.F) {
	for _, s := range []string{
		"excludes=a:b,c:*\nexcludeGroupIds=org*\\\n ,x\n",
		"excludes:\n  - a:b\nexcludeGroupIds: [a*, 'b']\n  nested: x\n",
		"declaredMode: true # c\n\"q: #\n", "\xff\x00=:\n- -\n",
		"arkConfig {\n excludes = ['a:b', \"$x\"] as Set\n excludeGroupIds.addAll(setOf(\"g\"))\n}\n/* x", "arkConfig.excludes.set([",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, parse := range []func(string, []byte) (Config, []Note){ParseProperties, ParseYAML, ParseGradle} {
			c, notes := parse("f", data)
			for _, n := range notes {
				if n.File != "f" || n.Line < 1 {
					t.Fatalf("note without place: %+v", n)
				}
			}
			for _, p := range c.Patterns {
				if p.Value == "" || p.Line < 1 {
					t.Fatalf("bad pattern %+v", p)
				}
				c.Match(p.Value, p.Value, "")
			}
		}
		// The properties edit takes any file a module holds.
		c, _ := ParseProperties("f", data)
		var narrow []narrowing
		for _, p := range c.Patterns {
			narrow = append(narrow, narrowing{pattern: p, keep: []string{"k:k"}, drop: []string{"d:d"}})
		}
		out, _ := fixProperties(data, []string{"a:b"}, narrow)
		if c2, _ := ParseProperties("f", out); c2.Match("a", "b", "") == nil {
			t.Fatalf("a:b not excluded after the edit:\n%s", out)
		}
	})
}
