// H2 2.1.214, src/main/org/h2/message/TraceSystem.java (MPL 2.0 / EPL 1.0).
// Safe: H2's own trace layer; when its trace file cannot be written, the console is its last resort.
package org.h2.message;

public class TraceSystem {
    private String fileName;
    private boolean writingErrorLogged;

    private void logWritingError(Exception e) {
        if (writingErrorLogged) {
            return;
        }
        writingErrorLogged = true;
        // print this error only once
        fileName = null;
        e.printStackTrace();
    }
}
