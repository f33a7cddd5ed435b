package demo.fallback;

import java.util.logging.Level;
import java.util.logging.Logger;

// The console as the last resort of logging, a class made for the
// console or its own log, and output a debug or quiet switch decides.
public class Fallbacks {
    private static final Logger logger = Logger.getLogger("demo");
    private boolean debug;
    private boolean quiet;

    // The logger itself failed: the console is all that is left.
    void uncaught(Thread t, Throwable e) {
        try {
            logger.log(Level.SEVERE, "uncaught in " + t, e);
        } catch (Throwable errorInLogging) {
            System.err.println(e.getMessage()); // want "stdout-usage" source:-
            System.err.println(errorInLogging.getMessage());
        }
    }

    void roll(Runnable rollover) {
        try {
            rollover.run();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            // Cannot log this exception: the stream is used by logging
            t.printStackTrace(System.err); // want "stdout-usage" source:-
        }
    }

    // The rest of the method runs only when debugging.
    void state(Object state) {
        if (!debug) return;
        System.out.println("state: " + state); // want "stdout-usage" source:-
    }

    // A command line's own switch decides.
    void progress(int done) {
        if (!quiet) {
            System.out.println(done + "% done"); // want "stdout-usage" source:-
        }
    }

    // A catch whose try does not log is the hazard.
    void parse(String s) {
        try {
            Integer.parseInt(s);
        } catch (NumberFormatException e) {
            e.printStackTrace(); // want "stdout-usage:hint"
        }
    }

    // Logging after the print, in the same catch, does not make it a fallback.
    void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (java.io.IOException e) {
            System.err.println("close failed"); // want "stdout-usage:hint"
            logger.warning("close failed");
        }
    }
}

// A library's own trace layer: its console output is the log.
class TraceSystem {
    void writingError(Exception e) {
        e.printStackTrace();
    }
}

// A shell: the console is its user interface.
class GroovyShellConsole {
    void prompt() {
        System.out.print("> ");
    }
}

// Names that only contain such words are not console classes.
class Catalog {
    void list() {
        System.out.println("entries"); // want "stdout-usage:hint"
    }
}

class Dialogue {
    void say() {
        System.out.println("hello"); // want "stdout-usage:hint"
    }
}

// A try block that logs on its way is not logging failing.
class Oracle {
    private static final Logger LOG = Logger.getLogger("oracle");

    boolean ask(java.io.Reader r) {
        try {
            int read = r.read();
            LOG.fine("oracle says " + read);
            return read == '1';
        } catch (Exception e) {
            e.printStackTrace(); // want "stdout-usage:hint"
            return false;
        }
    }
}
