package demo.out;

// Output that does not belong to the running code: a debug switch's
// branch further out than the innermost block, a message saying its path
// cannot happen, a class that fails to initialise. The same shapes without that are the hazard.
public class NotRunning {
    private boolean debug;
    private static final int SIZE;

    static {
        int size;
        try {
            size = load();
        } catch (java.io.IOException e) {
            System.out.println(e.getMessage()); // want "stdout-usage:low" source:-
            throw new ExceptionInInitializerError(e);
        }
        SIZE = size;
    }

    private static int load() throws java.io.IOException {
        return 4;
    }

    // A loop in the debug branch: the innermost block is the loop's.
    void interpret(Object[] cells) {
        if (debug) {
            for (Object cell : cells) {
                System.err.println(cell); // want "stdout-usage:low" source:-
            }
        }
    }

    // The else of a debug switch runs when it is off.
    void interpretQuiet(Object[] cells) {
        if (debug) {
            return;
        } else {
            for (Object cell : cells) {
                System.err.println(cell); // want "stdout-usage:hint"
            }
        }
    }

    // The message says the path cannot happen.
    Object parse(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            System.err.println("FIXME: pretty sure this can't happen"); // want "stdout-usage:low" source:-
        }
        return null;
    }

    Object parseOrWarn(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            System.err.println(s); // want "stdout-usage:hint"
        }
        return null;
    }

    // Show and display routines print when asked to.
    public static void showMemory() {
        System.out.println(Runtime.getRuntime().freeMemory());
    }

    public static void displayThreads() {
        System.out.println(Thread.activeCount());
    }

    int size() {
        return SIZE;
    }
}

// A static initialiser that goes on after the print runs with it.
class Defaults {
    static final int PORT;

    static {
        int port = 80;
        try {
            port = Integer.parseInt(String.valueOf(port + 1));
        } catch (NumberFormatException e) {
            e.printStackTrace(); // want "stdout-usage:hint"
        }
        PORT = port;
    }
}
