package inherit;

// A family of command-line tools: each tool's main creates it and runs
// the driver its base class declares, which ends the process when the
// arguments are wrong. The call names the subclass; the method is the
// base's.
public abstract class Driver {
    public abstract String name();

    public void run(String[] args) {
        if (args.length == 0) {
            System.exit(1);
        }
    }

    // What embedders call: the same check, but it is the library's.
    public void check(String[] args) {
        if (args.length == 0) {
            System.exit(2); // want "system-exit"
        }
    }
}
