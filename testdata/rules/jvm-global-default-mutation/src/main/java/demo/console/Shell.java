package demo.console;

import java.io.PrintStream;

// A console's launcher: it redirects the process's streams for itself,
// then runs the console, which the embedding API (Console.attach) runs
// too.
public final class Shell {
    public static void main(String[] args) {
        new Shell().quiet();
        new Console().open();
    }

    // Only main reaches it: the streams are the command line's own.
    void quiet() {
        System.setErr(new PrintStream(System.out));
    }
}
