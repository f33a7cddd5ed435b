// H2 2.1.214, h2/src/main/org/h2/util/SourceCompiler.java (MPL 2.0 / EPL 1.0),
// javacSun: System.err is swapped to capture javac's output and put back in
// finally. One hazard, one finding: the swap, at low (other threads print
// into the buffer meanwhile); the restore in finally is the cure. Its
// caller, javacCompile, is kept in short.
package org.h2.util;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

public class SourceCompiler {
    byte[] javacCompile(Runnable javaFile, boolean sun) throws Exception {
        if (sun) {
            javacSun(javaFile);
        }
        return null;
    }

    private static synchronized void javacSun(Runnable compile) throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream buff = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(buff, false, "UTF-8")); // want "jvm-global-default-mutation:low"
            compile.run();
        } finally {
            System.setErr(old);
        }
    }
}
