package fixtures.exit.guard;

import java.io.IOException;

// A class its command line runs in another mode. On by default (the API's
// way: errors are thrown), a flag the exit waits to see off is turned off
// only by the command line's own set-up, so that exit ends the command
// line's process; one a public setter turns off is the caller's opt-in.
public class Importer {
    // On by default; only the command line turns it off.
    private boolean apiMode = true;
    // On by default; whoever configures the importer may turn it off.
    private boolean throwErrors = true;
    // Off by default: the exit's way unless someone turns it on.
    private boolean quiet;

    void commandLine() {
        apiMode = false;
    }

    public void setThrowErrors(boolean on) {
        throwErrors = on;
    }

    public void setQuiet(boolean on) {
        quiet = on;
    }

    public void run(String file) throws IOException {
        if (file == null) {
            if (apiMode) {
                throw new IOException("no input");
            } else {
                System.exit(1); // want "system-exit" source:-
            }
        }
        if (!throwErrors) {
            System.exit(2); // want "system-exit:low"
        }
        if (throwErrors) {
            throw new IOException("bad input");
        } else {
            System.exit(3); // want "system-exit:low"
        }
    }

    public void finish() {
        if (quiet) {
            return;
        } else {
            System.exit(0); // want "system-exit:critical"
        }
    }
}

// The command line: the only caller of commandLine().
class ImportTool {
    public static void main(String[] args) throws IOException {
        Importer i = new Importer();
        i.commandLine();
        i.run(args.length > 0 ? args[0] : null);
    }
}

// The library's own use: the API's way.
class ImportService {
    public void importAll(String file) throws IOException {
        Importer i = new Importer();
        i.run(file); // want "system-exit" bytecode:-
        i.finish(); // want "system-exit" bytecode:-
    }
}
