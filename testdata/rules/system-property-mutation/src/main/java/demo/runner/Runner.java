package demo.runner;

// What only the launcher's main reaches runs in the command line's own
// process, never inside the shared JVM; compiled code has no call graph.
public class Runner {
    public void start(String[] args) {
        boolean nonGui = args.length > 0;
        if (nonGui) {
            System.setProperty("runner.nongui", "true");
            startNonGui(args);
        }
    }

    private void startNonGui(String[] args) {
        System.setProperty("runner.mode", args[0]);
    }

    // Nothing in the project calls it: library callers may, inside the
    // shared JVM.
    public void mode(String mode) {
        System.setProperty("runner.mode", mode); // want "system-property-mutation:high"
    }
}
