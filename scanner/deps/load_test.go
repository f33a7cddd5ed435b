package deps

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kscan/kscan/rules/facts"
)

func loadDir(t *testing.T, root string) *Result {
	t.Helper()
	files := FindBuildFiles(root, []string{root}, func(rel, name string, dir bool) bool { return false })
	done := make(chan *Result, 1)
	go func() { done <- Load(Options{Root: root, Files: files}) }()
	select {
	case r := <-done:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("Load blocked on a build file")
		return nil
	}
}

const okPom = `<project><groupId>g</groupId><artifactId>ok</artifactId><version>1</version>
<dependencies><dependency><groupId>a</groupId><artifactId>b</artifactId><version>2</version></dependency></dependencies></project>`

// TestLoadRefusesNonRegular: a pom.xml that is a link to /dev/zero, a FIFO
// or a sparse 1 GiB file is refused with a notification naming it; the
// other poms are still read.
func TestLoadRefusesNonRegular(t *testing.T) {
	root := t.TempDir()
	write := func(rel, s string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ok/pom.xml", okPom)
	os.MkdirAll(filepath.Join(root, "zero"), 0o755)
	if err := os.Symlink("/dev/zero", filepath.Join(root, "zero", "pom.xml")); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(root, "fifo"), 0o755)
	if err := syscall.Mkfifo(filepath.Join(root, "fifo", "pom.xml"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	os.MkdirAll(filepath.Join(root, "sparse"), 0o755)
	f, err := os.Create(filepath.Join(root, "sparse", "pom.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// A parent found through relativePath that is a FIFO is refused too,
	// not waited on.
	write("child/pom.xml", `<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version><relativePath>../fifo/pom.xml</relativePath></parent><artifactId>child</artifactId></project>`)

	r := loadDir(t, root)
	kinds := map[string]string{}
	for _, n := range r.Notifications {
		t.Log(n)
		if _, seen := kinds[n.File]; !seen {
			kinds[n.File] = n.Kind
		}
	}
	for file, kind := range map[string]string{"zero/pom.xml": KindRead, "fifo/pom.xml": KindRead, "sparse/pom.xml": KindTooLarge} {
		if kinds[file] != kind {
			t.Errorf("%s: notification kind %q, want %q", file, kinds[file], kind)
		}
	}
	var ok *facts.BuildProject
	for _, p := range r.Projects {
		if p.Path == "ok/pom.xml" {
			ok = p
		}
	}
	if ok == nil || len(ok.Dependencies) != 1 || ok.Dependencies[0].Version != "2" {
		t.Errorf("ok/pom.xml not read: %+v", ok)
	}
}

// TestLoadLinkOutsideRoot: a pom linked from outside the root is refused.
func TestLoadLinkOutsideRoot(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "pom.xml"), []byte(okPom), 0o644)
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "m"), 0o755)
	os.Symlink(filepath.Join(outside, "pom.xml"), filepath.Join(root, "m", "pom.xml"))
	r := loadDir(t, root)
	if len(r.Notifications) != 1 || r.Notifications[0].File != "m/pom.xml" || !strings.Contains(r.Notifications[0].Message, "outside") {
		t.Errorf("notifications %v", r.Notifications)
	}
}

// TestLoadWithEngineReader: an engine's own reader serves the tree's files.
func TestLoadWithEngineReader(t *testing.T) {
	fs := memFS{"app/pom.xml": okPom}
	var asked []string
	r := Load(Options{Root: "/nowhere", Files: []string{"app/pom.xml"}, Read: func(rel string) ([]byte, error) {
		asked = append(asked, rel)
		return fs.read(rel)
	}})
	if len(r.Projects) != 1 || len(r.Projects[0].Dependencies) != 1 || len(r.Notifications) != 0 {
		t.Fatalf("projects %+v notifications %v", r.Projects, r.Notifications)
	}
	if len(asked) == 0 || asked[0] != "app/pom.xml" {
		t.Errorf("reads %v", asked)
	}
	if _, ok := r.Sources["app/pom.xml"]; !ok {
		t.Errorf("sources %v", r.Sources)
	}
}
