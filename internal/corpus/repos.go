package corpus

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// pomTemplates make a third of the repositories bases that need adapters,
// a third modules bundling logback, and the rest plain libraries.
var pomTemplates = []string{
	`<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>%s</artifactId><version>1.0</version>
  <dependencies>
    <dependency><groupId>com.alipay.sofa.koupleless</groupId><artifactId>koupleless-base-starter</artifactId><version>1.2.3</version></dependency>
    <dependency><groupId>ch.qos.logback</groupId><artifactId>logback-classic</artifactId><version>1.2.11</version></dependency>
  </dependencies></project>
`,
	`<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>%s</artifactId><version>1.0</version>
  <dependencies>
    <dependency><groupId>ch.qos.logback</groupId><artifactId>logback-classic</artifactId><version>1.2.11</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-log4j12</artifactId><version>1.7.32</version></dependency>
  </dependencies>
  <build><plugins><plugin><groupId>com.alipay.sofa</groupId><artifactId>sofa-ark-maven-plugin</artifactId>
    <executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin></plugins></build></project>
`,
	`<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>%s</artifactId><version>1.0</version></project>
`,
}

// GenerateRepos writes n git repositories of about size bytes of Java each
// (plus a pom.xml) under dir, and a list of them for kscan batch; it
// returns the list's path.
func GenerateRepos(dir string, n int, size int64) (string, error) {
	var list strings.Builder
	list.WriteString("# generated repositories\n")
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("repo-%04d", i)
		repo := filepath.Join(dir, name)
		if _, err := Generate(repo, size, int64(i+1)); err != nil {
			return "", err
		}
		pom := fmt.Sprintf(pomTemplates[i%len(pomTemplates)], name)
		if err := os.WriteFile(filepath.Join(repo, "pom.xml"), []byte(pom), 0o644); err != nil {
			return "", err
		}
		for _, args := range [][]string{
			{"init", "-q", "."},
			{"add", "-A"},
			{"-c", "user.email=gen@example.com", "-c", "user.name=gen", "commit", "-q", "-m", "generated"},
		} {
			cmd := exec.Command("git", args...)
			cmd.Dir = repo
			if out, err := cmd.CombinedOutput(); err != nil {
				return "", fmt.Errorf("git %s in %s: %v: %s", args[0], repo, err, out)
			}
		}
		fmt.Fprintf(&list, "file://%s\n", filepath.ToSlash(repo))
	}
	p := filepath.Join(dir, "repos.txt")
	return p, os.WriteFile(p, []byte(list.String()), 0o644)
}
