package fixtures.exit.embed;

// An interpreter that ends the JVM at the end of its input while its
// exitOnEOF flag is on (the default, for its own command line). A caller
// that turns the flag off on the same object just before running it never
// reaches the exit; one that does not, or turns it off on another object,
// or only in a branch, does.
public class Interp implements Runnable {
    public boolean interactive = true;
    private boolean exitOnEOF = true;

    public void setExitOnEOF(boolean value) {
        exitOnEOF = value;
    }

    public boolean isExitOnEOF() {
        return exitOnEOF;
    }

    public void run() {
        read();
        if (interactive && exitOnEOF) {
            System.exit(0); // want "system-exit"
        }
    }

    public void finish() {
        if (isExitOnEOF()) {
            System.exit(1); // want "system-exit"
        }
    }

    public void quit() {
        System.exit(2); // want "system-exit"
    }

    private void read() {
    }
}

class Embedder {
    private final Interp shared = new Interp();

    void evalQuietly() {
        Interp interp = new Interp();
        interp.setExitOnEOF(false);
        interp.run();
    }

    void evalByField(Interp interp) {
        interp.interactive = true;
        this.shared.setExitOnEOF(false);
        shared.run();
        shared.finish();
    }

    void evalDirect() {
        Interp interp = new Interp();
        interp.interactive = false;
        interp.run();
    }

    void evalForgetting() {
        Interp interp = new Interp();
        interp.run(); // want "system-exit" bytecode:-
    }

    void evalOther(Interp other) {
        Interp interp = new Interp();
        other.setExitOnEOF(false);
        interp.run(); // want "system-exit" bytecode:-
    }

    void evalSometimes(boolean quiet) {
        Interp interp = new Interp();
        if (quiet) {
            interp.setExitOnEOF(false);
        }
        interp.run(); // want "system-exit" bytecode:-
    }

    void evalBareIf(boolean quiet) {
        Interp interp = new Interp();
        if (quiet) interp.setExitOnEOF(false);
        interp.run(); // want "system-exit" bytecode:-
    }

    void evalTurnedBackOn(boolean exit) {
        Interp interp = new Interp();
        interp.setExitOnEOF(false);
        interp.setExitOnEOF(exit);
        interp.run(); // want "system-exit" bytecode:-
    }

    void evalRebound() {
        Interp interp = new Interp();
        interp.setExitOnEOF(false);
        interp = new Interp();
        interp.run(); // want "system-exit" bytecode:-
    }

    void quitAnyway() {
        Interp interp = new Interp();
        interp.setExitOnEOF(false);
        interp.quit(); // want "system-exit" bytecode:-
    }
}
