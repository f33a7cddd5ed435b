package demo.out;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

// Streams the app owns, user types named like the JDK's, and CLI tools.
public class Quiet {
    static class System {
        static final PrintStream out = null;
    }

    void ownStream(PrintStream out, StringBuilder sb) {
        out.println("to the caller's stream");
        sb.append("x");
        System.out.println("a nested System class");
    }

    String trace(Exception e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    void notThrowable(Diagram d) {
        d.printStackTrace();
    }

    interface Diagram {
        void printStackTrace();
    }
}

class Tool {
    public static void main(String[] args) {
        java.lang.System.out.println("usage: tool <file>");
        usage();
    }

    static void usage() {
        java.lang.System.err.println("see --help");
    }
}
