package fixtures.exit.guard;

// An exit behind a flag: where the flag's writers run decides where the
// exit does. A flag only the command line turns on ends the command line's
// own process; one whoever configures the class turns on is its opt-in; a
// flag nothing turns on never lets the exit run.
public class Console {
    // Off by default; only the command line (Tool.main) turns it on.
    private boolean batch;
    // Off by default; whoever configures the console may turn it on.
    private boolean exitOnEof;
    // Off by default; the public start() turns it on.
    private boolean exitWhenDone;
    // Off, and nothing turns it on (only off).
    private boolean never = false;
    // On by default.
    private boolean exitOnError = true;

    public static Console create() {
        return new Console();
    }

    void setBatch(boolean on) {
        batch = on;
    }

    public void setExitOnEof(boolean on) {
        this.exitOnEof = on;
    }

    public void start() {
        exitWhenDone = true;
        never = false;
    }

    boolean isBatch() {
        return batch;
    }

    public void finish(int code) {
        if (isBatch()) {
            System.exit(code); // want "system-exit:low" source:-
        }
        if (code != 0 && exitOnEof) {
            System.exit(code); // want "system-exit:low"
        }
        if (exitWhenDone) {
            System.exit(code); // want "system-exit:critical"
        }
        if (never) {
            System.exit(code); // want "system-exit" source:-
        }
        if (batch || code > 1) {
            System.exit(code); // want "system-exit:critical"
        }
        if (exitOnError) {
            System.exit(code); // want "system-exit:critical"
        }
        if (exitOnEof) {
            return;
        } else {
            System.exit(code); // want "system-exit:critical"
        }
    }

    // Only this class can call a private method, and nothing here does.
    private void unused() {
        System.exit(9); // want "system-exit" source:-
    }

    public Runnable quitter() {
        return this::quit;
    }

    // Called through a method reference.
    private void quit() {
        System.exit(10); // want "system-exit"
    }
}

// The command line: the only caller of setBatch.
class Tool {
    public static void main(String[] args) {
        Console c = Console.create();
        c.setBatch(args.length > 0);
    }
}
