package demo.out;

import java.io.PrintStream;

// Output that is asked for, or that only a debug switch turns on: the
// caller that asks for it chooses the console, not this code.
public class OnPurpose extends RuntimeException {
    private boolean debug;
    private static boolean verbose;

    // A Throwable's own printStackTrace, and a print API of a library
    // (a scripting language's println): whoever calls them prints.
    @Override
    public void printStackTrace() {
        System.err.println("wrapped: " + getMessage());
        super.printStackTrace(System.err);
    }

    public static void println(Object value) {
        System.out.println(value);
    }

    // Dumps, trace helpers and usage text.
    void dump(int[] table) {
        for (int i : table) {
            System.err.printf("%4d%n", i);
        }
    }

    void trace(String s) {
        System.out.println(s);
    }

    static void showUsage() {
        System.err.println("usage: convert <in> <out>");
    }

    // Under a debug, trace or verbose switch, braced or not.
    Object compile(String name) {
        try {
            return load(name);
        } catch (Exception e) {
            if (debug) e.printStackTrace(); // want "stdout-usage" source:-
            if (verbose) {
                System.out.println("failed " + name);
            }
            return null;
        }
    }

    // The same catch with no switch is the hazard: one finding for the
    // method, at its first print.
    Object resolve(String name) {
        try {
            return load(name);
        } catch (Exception e) {
            System.err.println("cannot resolve " + name); // want "stdout-usage:hint" bytecode:58
            e.printStackTrace();
            return null;
        }
    }

    // The other branch of a debug switch is not debug output.
    void report(Exception e) {
        if (debug) {
            e.printStackTrace(System.out);
        } else {
            System.err.println("failed: " + e); // want "stdout-usage:hint" bytecode:66
        }
    }

    private Object load(String name) throws Exception {
        return name.isEmpty() ? null : new Object();
    }
}

class DebugListener {
    void contextInitialized() {
        System.err.println("context started");
    }
}

// A test harness shipped with the code.
class RecoverTester {
    void check(Exception e) {
        e.printStackTrace(System.out);
    }
}

// Paths the authors mark as dead, and a test runner's report.
class Unreachable {
    void listen(Object context) {
        try {
            context.wait();
        } catch (InterruptedException e) {
            e.printStackTrace(); // won't happen // want "stdout-usage" source:-
        }
    }

    void init(java.util.Map<String, String> m) {
        if (m.isEmpty()) {
            System.out.println("configuration node missing - should not happen"); // want "stdout-usage" source:-
        }
    }

    void runJUnit4Test(Object result) {
        System.out.print("JUnit 4 Runner, Tests: " + result);
    }

    void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (java.io.IOException e) {
            // the caller wants to know: it happens
            e.printStackTrace(); // want "stdout-usage"
        }
    }
}
