package deps

import (
	"fmt"
	"strings"
	"testing"
)

// chainFS makes n poms, each the parent of the next (p0001's parent is
// p0000, ...). Every pom overrides leaf.version with its own v.i, which
// refers to its parent's v.(i-1): the value each project needs goes through
// the whole chain.
func chainFS(n int) (memFS, []string) {
	fs := memFS{}
	var files []string
	for i := 0; i < n; i++ {
		var b strings.Builder
		b.WriteString("<project>\n")
		if i > 0 {
			fmt.Fprintf(&b, "<parent><groupId>g</groupId><artifactId>p%04d</artifactId><version>1</version><relativePath>../p%04d/pom.xml</relativePath></parent>\n", i-1, i-1)
		} else {
			b.WriteString("<groupId>g</groupId><version>1</version>\n")
		}
		fmt.Fprintf(&b, "<artifactId>p%04d</artifactId>\n<properties>\n", i)
		if i == 0 {
			b.WriteString("<base.version>1.0</base.version><v.0>${base.version}</v.0>\n")
		} else {
			fmt.Fprintf(&b, "<v.%d>${v.%d}</v.%d>\n", i, i-1, i)
		}
		fmt.Fprintf(&b, "<leaf.version>${v.%d}</leaf.version>\n</properties>\n", i)
		if i == 0 {
			b.WriteString(`<dependencyManagement><dependencies>
<dependency><groupId>g</groupId><artifactId>managed</artifactId><version>${base.version}</version></dependency>
</dependencies></dependencyManagement>
<dependencies>
<dependency><groupId>g</groupId><artifactId>leaf</artifactId><version>${leaf.version}</version></dependency>
<dependency><groupId>g</groupId><artifactId>managed</artifactId></dependency>
<dependency><groupId>g</groupId><artifactId>self</artifactId><version>${project.version}</version></dependency>
</dependencies>
`)
		}
		b.WriteString("</project>\n")
		name := fmt.Sprintf("p%04d/pom.xml", i)
		fs[name] = b.String()
		files = append(files, name)
	}
	return fs, files
}

// TestLoadMavenChainLinear: 3,000 chained parents resolve with work linear
// in their number (the bound is a count of resolution steps, not time).
func TestLoadMavenChainLinear(t *testing.T) {
	work := map[int]int64{}
	for _, n := range []int{1000, 3000} {
		fs, files := chainFS(n)
		size := 0
		for _, s := range fs {
			size += len(s)
		}
		r := LoadMaven(files, MavenOptions{ReadFile: fs.read})
		if len(r.Notifications) > 0 {
			t.Fatalf("notifications: %v", r.Notifications[:min(3, len(r.Notifications))])
		}
		last := r.Projects[len(r.Projects)-1]
		if got := len(last.Parents()); got != n-1 {
			t.Fatalf("%d parents, want %d", got, n-1)
		}
		want := map[string]string{"g:leaf": "1.0", "g:managed": "1.0", "g:self": "1"}
		for _, d := range last.Dependencies {
			if want[d.Key()] != d.Version {
				t.Errorf("%s: version %q, want %q (%s)", d.Key(), d.Version, want[d.Key()], d.Evidence)
			}
			delete(want, d.Key())
		}
		if len(want) > 0 {
			t.Errorf("missing %v", want)
		}
		if v, _ := last.Property("leaf.version"); v != "1.0" {
			t.Errorf("leaf.version %q", v)
		}
		work[n] = r.Work
		t.Logf("%d poms (%d bytes): %d steps", n, size, r.Work)
		// A few dozen steps per pom: parent, inherited dependencies, the
		// management look-up, the reused part of the chain.
		if r.Work > int64(40*n) {
			t.Errorf("%d poms took %d resolution steps, more than 40 per pom", n, r.Work)
		}
	}
	// Three times the poms, about three times the work.
	if work[3000] > 4*work[1000] {
		t.Errorf("work grows faster than the chain: %d for 1000 poms, %d for 3000", work[1000], work[3000])
	}
}

// TestLoadMavenParentCycleOnce: a cycle of parents is one notification.
func TestLoadMavenParentCycleOnce(t *testing.T) {
	fs := memFS{
		"a/pom.xml": `<project><parent><groupId>g</groupId><artifactId>c</artifactId><version>1</version><relativePath>../c/pom.xml</relativePath></parent><artifactId>a</artifactId></project>`,
		"b/pom.xml": `<project><parent><groupId>g</groupId><artifactId>a</artifactId><version>1</version><relativePath>../a/pom.xml</relativePath></parent><artifactId>b</artifactId></project>`,
		"c/pom.xml": `<project><parent><groupId>g</groupId><artifactId>b</artifactId><version>1</version><relativePath>../b/pom.xml</relativePath></parent><artifactId>c</artifactId></project>`,
	}
	r := LoadMaven([]string{"a/pom.xml", "b/pom.xml", "c/pom.xml"}, MavenOptions{ReadFile: fs.read})
	if len(r.Projects) != 3 {
		t.Fatalf("%d projects", len(r.Projects))
	}
	if len(r.Notifications) != 1 || !strings.Contains(r.Notifications[0].Message, "parent cycle") || r.Notifications[0].Kind != KindUnresolved {
		t.Errorf("want one parent-cycle notification, got %v", r.Notifications)
	}
}
