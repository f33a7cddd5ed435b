package org.apache.derby.impl.tools.ij;

import java.io.PrintStream;

/** Runs ij's statements; no main of its own: Main's is its entry. */
public class utilMain {
    private static PrintStream out;

    utilMain(int numConnections, PrintStream out) {
        utilMain.out = out;
    }

    void go(java.io.InputStream in, PrintStream o) {
        System.setOut(o);
    }
}
