package fixtures.shell.cli;

// A command-line shell's settings: its own process's.
public class Preferences {
    public static String verbosity;

    public static void setVerbosity(String v) {
        verbosity = v;
    }
}
