package demo.cli;

// A command-line tool: what only its main reaches never runs inside a
// shared JVM, where a driver would outlive an uninstalled module.
public final class Launcher {
    static final String USAGE = "usage: export <jdbc-url>";

    public static void main(String[] args) throws Exception {
        new Export().run(args[0]);
    }
}
