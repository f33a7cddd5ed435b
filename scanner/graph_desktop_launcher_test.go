package scanner

import (
	"testing"
)

// An application's launcher that imports Swing (to set a look and feel)
// is set aside as desktop GUI code, but when its pom declares it the
// Main-Class its main is still a launcher: the options class only it
// builds with the command line's arguments reaches an exit that is the
// command line's own. A library method the launcher also calls, and that
// other code calls too, keeps its finding; so does a public method only a
// Swing demo's main calls (a demo is no product's launcher).
func TestScanDesktopLauncherIsAnEntryPoint(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"pom.xml": `<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.acme</groupId>
  <artifactId>draw</artifactId>
  <version>1.0</version>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-jar-plugin</artifactId>
        <configuration>
          <archive>
            <manifest>
              <mainClass>org.acme.draw.Run</mainClass>
            </manifest>
          </archive>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>`,
		"src/main/java/org/acme/draw/demo/Demo.java": `package org.acme.draw.demo;
import javax.swing.JFrame;
public class Demo extends JFrame {
    public static void main(String[] args) {
        org.acme.draw.Renderer.reset();
        new Demo().setVisible(true);
    }
}`,
		"src/main/java/org/acme/draw/Run.java": `package org.acme.draw;
import javax.swing.UIManager;
public class Run {
    public static void main(String[] args) throws Exception {
        UIManager.setLookAndFeel(UIManager.getSystemLookAndFeelClassName());
        Options o = new Options(args);
        Renderer.render(o);
    }
}`,
		"src/main/java/org/acme/draw/Options.java": `package org.acme.draw;
public class Options {
    public Options(String... args) {
        for (String a : args) {
            if (a.equals("-version")) {
                Help.printVersion();
            }
        }
    }
}`,
		"src/main/java/org/acme/draw/Help.java": `package org.acme.draw;
public class Help {
    static void printVersion() {
        System.out.println("1.0");
        System.exit(0);
    }
}`,
		"src/main/java/org/acme/draw/Renderer.java": `package org.acme.draw;
public class Renderer {
    public static void reset() {
        System.exit(3);
    }

    public static void render(Options o) {
        if (o == null) {
            System.exit(2);
        }
    }
}`,
		"src/main/java/org/acme/draw/Embed.java": `package org.acme.draw;
public class Embed {
    public void draw() {
        Renderer.render(null);
    }
}`,
	})
	res := scanDir(t, dir, Options{})
	lines := map[string][]int{}
	for _, f := range res.Findings {
		if f.RuleID == "system-exit" {
			lines[f.Path] = append(lines[f.Path], f.Region.StartLine)
		}
	}
	if got := lines["src/main/java/org/acme/draw/Help.java"]; len(got) != 0 {
		t.Errorf("Help.java: system-exit at lines %v, want none (only the launcher's options reach it)", got)
	}
	if got := lines["src/main/java/org/acme/draw/Renderer.java"]; len(got) != 2 {
		t.Errorf("Renderer.java: system-exit at lines %v, want two (Embed.draw reaches render; only a demo calls reset, an API)", got)
	}
}
