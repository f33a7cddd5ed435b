package fixtures.state;

import java.io.PrintWriter;
import java.util.Hashtable;

// Statics a debug build alone writes: under `if (DEBUG)` (also with a
// further condition), in a method that leaves unless DEBUG is on, or in a
// private setter every call of which is so guarded. A setter anyone may
// call, or one called outside the switch too, is shared state.
public class DebugSwitch {
    public static final boolean DEBUG = false;

    private static PrintWriter debugStream = new PrintWriter(System.err); // want "static-mutable-state" source:-
    private static final Hashtable<String, Boolean> FLAGS = new Hashtable<>();
    private static boolean allOn;
    private static int traceLevel = 1; // want "static-mutable-state" source:-
    private static PrintWriter logStream = new PrintWriter(System.out); // want "static-mutable-state"
    private static PrintWriter auditStream = new PrintWriter(System.out); // want "static-mutable-state"

    public static void debugSet(String flag, boolean on) {
        if (DEBUG && flag != null) {
            FLAGS.put(flag, on);
        }
    }

    public static void allDebugOn(boolean on) {
        if (!DEBUG) {
            return;
        }
        allOn = on;
    }

    private static void setDebugStream(PrintWriter pw) {
        debugStream = pw;
    }

    private static void setTraceLevel(int level) {
        traceLevel = level;
    }

    static void boot(PrintWriter pw, int level) {
        if (DEBUG) {
            setDebugStream(pw);
        }
        if (DebugSwitch.DEBUG)
            setTraceLevel(level);
    }

    public static void setLogStream(PrintWriter pw) {
        logStream = pw;
    }

    private static void setAuditStream(PrintWriter pw) {
        auditStream = pw;
    }

    static void start(PrintWriter pw) {
        if (DEBUG) {
            setAuditStream(pw);
        }
        setAuditStream(pw);
        setLogStream(pw);
    }
}
