package fixtures.state.debugsetters;

import java.io.PrintStream;

// Setters every project call of which sits under `if (DEBUG)` (also
// through another class's switch, SanityManager.DEBUG-style): a debug
// build's state, not the shipped code's. A setter called under a run-time
// flag, or under the switch and outside it too, is shared state.
public final class DebugSetters {
    private static PrintStream traceStream = System.err; // want "static-mutable-state" source:-
    private static PrintStream dumpStream = System.err; // want "static-mutable-state" source:-
    private static PrintStream logStream = System.err; // want "static-mutable-state"
    private static PrintStream auditStream = System.err; // want "static-mutable-state"

    static void setTraceStream(PrintStream ps) {
        traceStream = ps;
    }

    public static void setDumpStream(PrintStream ps) {
        dumpStream = ps;
    }

    public static void setLogStream(PrintStream ps) {
        logStream = ps;
    }

    public static void setAuditStream(PrintStream ps) {
        auditStream = ps;
    }

    static void print(String s) {
        traceStream.println(s);
        dumpStream.println(s);
        logStream.println(s);
        auditStream.println(s);
    }
}

final class SanityManager {
    static final boolean DEBUG = false;
}

final class Engine {
    static final boolean DEBUG = false;
    private final boolean verbose;

    Engine(boolean verbose) {
        this.verbose = verbose;
    }

    void boot(PrintStream out) {
        if (DEBUG) {
            DebugSetters.setTraceStream(out);
        }
        if (SanityManager.DEBUG) {
            DebugSetters.setDumpStream(out);
        }
        if (verbose) {
            DebugSetters.setLogStream(out);
        }
        if (DEBUG) {
            DebugSetters.setAuditStream(out);
        }
        DebugSetters.setAuditStream(out);
    }
}
