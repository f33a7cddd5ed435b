package demo.out;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.sql.SQLException;

public class Printing {
    void report(String id) {
        System.out.println("failed " + id); // want "stdout-usage:hint" bytecode:-
        System.err.printf("bad %s%n", id); // one method, one finding: related to the first
        java.lang.System.out.print(id); // want "stdout-usage:low" source:-
    }

    void fail(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            e.printStackTrace(); // want "stdout-usage:hint"
        }
    }

    void multi(Io io) {
        try {
            io.go();
        } catch (IOException | SQLException e) {
            e.printStackTrace(System.out); // want "stdout-usage:hint"
        }
    }

    interface Io {
        void go() throws IOException, SQLException;
    }
}

// A Java agent prints from code only premain reaches: the command line's
// own output, before any app runs. A helper other code may call is not.
class Agent {
    public static void premain(String args, java.lang.instrument.Instrumentation inst) {
        banner(args);
    }

    private static void banner(String args) {
        System.out.println("agent " + args); // want "stdout-usage" source:-
    }

    public static void status() {
        System.out.println("agent running"); // want "stdout-usage:hint"
    }
}
