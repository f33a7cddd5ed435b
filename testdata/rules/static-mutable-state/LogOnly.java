package fixtures.state.logonly;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

// Statics whose every read only decides or feeds log output: whatever an
// app stores, every app gets the same answers and the same work done; only
// which lines reach the log differs. Class files have no text to read the
// uses from.
public final class LogOnly {
    private static final Logger LOG = Logger.getLogger(LogOnly.class.getName());
    private static final int PER_MINUTE = 60000;
    // a warning logged at most once a minute, whoever calls
    private static final AtomicLong LOGGED = new AtomicLong();
    // a debug switch guarding debug prints
    private static boolean debug = Boolean.getBoolean("x.debug"); // want "static-mutable-state" source:-
    // a verbosity compared with each message's level
    private static int verbosity = 1; // want "static-mutable-state" source:-
    // a cap on the warnings logged, and their count
    private static int maxWarnings = 10; // want "static-mutable-state" source:-
    private static int warnings;

    private LogOnly() {
    }

    public static void setDebug(boolean on) {
        debug = on;
    }

    public static void setVerbosity(int v) {
        verbosity = v;
    }

    public static void setMaxWarnings(int n) {
        maxWarnings = n;
    }

    static void spun(long now, int runs) {
        long minute = now / PER_MINUTE;
        long last = LOGGED.get();
        if (last != minute) {
            if (LOGGED.compareAndSet(last, minute)) {
                LOG.info("spun " + runs + " times");
            }
        }
    }

    static int parse(String s) {
        if (debug) {
            System.err.println("parse " + s);
        }
        int n = Integer.parseInt(s.trim());
        if (debug && LOG.isLoggable(Level.FINE)) {
            StringBuilder sb = new StringBuilder("parsed ");
            sb.append(n);
            LOG.fine(sb.toString());
        }
        trace("done");
        return n;
    }

    private static void trace(String m) {
        if (!debug) {
            return;
        }
        System.err.println(m);
    }

    static void message(int level, String msg) {
        if (level <= verbosity) {
            LOG.log(Level.INFO, msg);
        }
    }

    static void warn(String msg) {
        if (warnings < maxWarnings) {
            warnings++;
            LOG.warning(msg);
        }
    }
}

// Look-alikes: the static decides what callers get back, whether work is
// done, or goes out through a getter or to a stream apps hand in.
class LogLookAlikes {
    private static final Logger LOG = Logger.getLogger(LogLookAlikes.class.getName());
    // returns null when on: decides the answer
    private static boolean strict = false; // want "static-mutable-state"
    // the else clears a cache: decides work
    private static boolean verbose = false; // want "static-mutable-state"
    // the condition's second half removes: decides work
    private static boolean trace = false; // want "static-mutable-state"
    // handed out through a getter
    private static int level = 1; // want "static-mutable-state"
    // a loop's bound: how often work is done
    private static int retries = 3; // want "static-mutable-state"
    // public: clients may read it for anything
    public static boolean echo = false; // want "static-mutable-state"
    // debug lines go to a stream an app hands in: that app's output
    // receives every app's lines
    private static PrintStream debugOut = System.err; // want "static-mutable-state"
    private static boolean debug = false; // want "static-mutable-state"
    private final List<String> seen = new ArrayList<>();

    public static void setStrict(boolean s) {
        strict = s;
    }

    public static void setVerbose(boolean v) {
        verbose = v;
    }

    public static void setTrace(boolean t) {
        trace = t;
    }

    public static void setLevel(int l) {
        level = l;
    }

    public static int getLevel() {
        return level;
    }

    public static void setRetries(int r) {
        retries = r;
    }

    public static void setEcho(boolean e) {
        echo = e;
    }

    public static void setDebugOut(PrintStream out) {
        debugOut = out;
    }

    public static void setDebug(boolean d) {
        debug = d;
    }

    static String check(String s) {
        if (strict) {
            LOG.warning("rejected " + s);
            return null;
        }
        return s;
    }

    void note(String s) {
        if (verbose) {
            LOG.info("note " + s);
        } else {
            seen.clear();
        }
        if (trace && seen.remove(s)) {
            LOG.fine("removed " + s);
        }
        if (level > 2) {
            LOG.fine("level " + level);
        }
        if (echo) {
            System.err.println(s);
        }
        if (debug) {
            debugOut.println(s);
        }
    }

    void send(String s) {
        int tries = 0;
        while (tries < retries) {
            LOG.info("try " + tries);
            tries++;
        }
        seen.add(s);
    }
}
