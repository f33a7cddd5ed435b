package fixtures.exit;

// Code under a debug switch constant runs only in a debug build: Derby's
// SanityManager.DEBUG blocks, an `if (DEBUG)` trace. A flag set at run time
// is not such a switch.
class DebugOnly {
    static final boolean DEBUG = false;

    static class SanityManager {
        static final boolean DEBUG = false;
    }

    private boolean debug;
    private static int traceLevel;

    void setDebug(boolean on) {
        debug = on;
    }

    void check(boolean broken) {
        if (SanityManager.DEBUG) {
            if (broken) {
                System.exit(1);
            }
        }
        if (DEBUG) {
            traceLevel = 2;
            System.exit(2);
        }
        if ((DEBUG)) System.exit(3);
        if (debug) {
            System.exit(4); // want "system-exit"
        }
        if (DEBUG) {
            return;
        } else {
            System.exit(5); // want "system-exit"
        }
        if (SanityManager.DEBUG) {
            die(6);
        }
        die(7); // want "system-exit" bytecode:-
    }

    private static void die(int code) {
        System.exit(code); // want "system-exit"
    }

    // A debug switch and-ed with a test: the branch needs the switch on.
    // Or-ed, it does not.
    void checkTotals(double total, boolean strict) {
        if (DEBUG && total > 1E2) {
            System.exit(9);
        }
        if ((strict && total < 0) && SanityManager.DEBUG) {
            System.exit(10);
        }
        if (DEBUG || total < -1E2) {
            System.exit(11); // want "system-exit"
        }
        if (strict ? DEBUG : total > 0) {
            System.exit(12); // want "system-exit"
        }
    }

    // A helper whose exit sits only under a debug switch does not end the
    // JVM in the shipped code: its callers are not told either.
    Object fetch(int id) {
        return fetchMinion(id);
    }

    private Object fetchMinion(int id) {
        if (SanityManager.DEBUG) {
            if (id < 0) {
                System.exit(8);
            }
        }
        return null;
    }
}
