package options;

// Runs a mode on a command line it was given: public, so an embedder may
// call it, and whatever it reaches past the mode's configure (the
// command line's own step) stays the library's.
public class Driver {
    private final Mode mode;
    private final String[] commandLine;

    public Driver(Mode mode, String[] commandLine) {
        this.mode = mode;
        this.commandLine = commandLine;
    }

    public void execute() {
        mode.configure(commandLine).execute();
    }

    public void run(Runnable command) {
        command.run();
    }
}
