import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Compiles each fixture named on standard input (a path relative to the rules
 * directory) on its own, as build.sh's javac command line would, into
 * OUT/path; a fixture that does not compile leaves nothing behind, and its
 * path is printed. One JVM for all fixtures: a javac process per fixture made
 * a rebuild take half an hour.
 *
 * <p>Usage: java CompileEach.java RELEASE STUBS RULES OUT &lt; list
 */
public class CompileEach {
    public static void main(String[] args) throws IOException {
        String release = args[0], stubs = args[1];
        Path rules = Paths.get(args[2]), out = Paths.get(args[3]);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String f; (f = in.readLine()) != null; ) {
            Path dir = out.resolve(f);
            int rc = javac.run(quiet, quiet, "-nowarn", "-encoding", "UTF-8", "--release", release,
                    "-cp", stubs, "-implicit:none", "-d", dir.toString(), rules.resolve(f).toString());
            if (rc != 0) {
                System.out.println(f);
            }
            if (rc != 0 && Files.exists(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
