// Groovy 2.4.21, subprojects/groovy-console/src/main/groovy/groovy/ui/SystemOutputInterceptor.java
// (Apache License 2.0). start() replaces System.out or System.err for the
// whole JVM: every app's output goes to this interceptor. stop() puts back
// the stream saved at construction: the restoring half, not a second hazard.
package groovy.ui;

import java.io.FilterOutputStream;
import java.io.PrintStream;

public class SystemOutputInterceptor extends FilterOutputStream {
    private boolean output;

    public SystemOutputInterceptor(boolean output) {
        super(output ? System.out : System.err);
        this.output = output;
    }

    public void start() {
        if (output) {
            System.setOut(new PrintStream(this)); // want "jvm-global-default-mutation"
        } else {
            System.setErr(new PrintStream(this)); // want "jvm-global-default-mutation"
        }
    }

    public void stop() {
        if (output) {
            System.setOut((PrintStream) out);
        } else {
            System.setErr((PrintStream) out);
        }
    }
}
