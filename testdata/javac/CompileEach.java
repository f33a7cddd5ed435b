import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles each source file on its own, in one JVM (a javac process per file
 * costs seconds): first every file under the stubs directory together, then
 * each file given against them. Prints "OK path" or "FAIL path" and the
 * compiler's messages for each file; exits 2 on bad usage only.
 *
 * Usage: java CompileEach.java RELEASE STUBS_DIR OUT_DIR FILE...
 */
public class CompileEach {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java CompileEach.java RELEASE STUBS_DIR OUT_DIR FILE...");
            System.exit(2);
        }
        String release = args[0];
        Path stubs = Paths.get(args[1]);
        Path out = Paths.get(args[2]);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            System.err.println("no Java compiler in this runtime (a JRE, not a JDK)");
            System.exit(2);
        }
        StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null);
        Path stubClasses = out.resolve("stubs");
        Files.createDirectories(stubClasses);
        List<File> stubFiles;
        try (Stream<Path> s = Files.walk(stubs)) {
            stubFiles = s.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).collect(Collectors.toList());
        }
        if (!compile(javac, fm, release, null, stubClasses, stubFiles, "stubs " + stubs)) {
            System.exit(1);
        }
        for (int i = 3; i < args.length; i++) {
            Path dest = out.resolve("f" + i);
            Files.createDirectories(dest);
            compile(javac, fm, release, stubClasses.toString(), dest, Arrays.asList(new File(args[i])), args[i]);
        }
    }

    static boolean compile(JavaCompiler javac, StandardJavaFileManager fm, String release, String cp, Path dest,
            List<File> files, String name) {
        List<String> opts = new ArrayList<>(Arrays.asList("-nowarn", "-encoding", "UTF-8", "--release", release,
                "-implicit:none", "-proc:none", "-Xlint:none", "-d", dest.toString()));
        if (cp != null) {
            opts.add("-cp");
            opts.add(cp);
        }
        StringWriter msgs = new StringWriter();
        Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromFiles(files);
        boolean ok = javac.getTask(msgs, fm, null, opts, null, units).call();
        System.out.println((ok ? "OK " : "FAIL ") + name);
        if (!ok) {
            System.out.println(msgs.toString().trim());
        }
        return ok;
    }
}
