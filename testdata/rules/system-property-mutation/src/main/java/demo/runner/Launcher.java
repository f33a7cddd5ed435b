package demo.runner;

// A command line that does nothing a rule looks for: it hands its
// arguments to the tool beside it.
public final class Launcher {
    public static void main(String[] args) {
        new Runner().start(args);
    }
}
