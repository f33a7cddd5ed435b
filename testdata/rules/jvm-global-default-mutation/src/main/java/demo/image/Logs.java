package demo.image;

import java.io.InputStream;
import java.util.logging.LogManager;

// A native image loads no logging configuration but the VM's default, so
// the code reads its own there; in a JVM the container configures logging.
public class Logs {
    static boolean imageRuntime() {
        return "runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"));
    }

    public void setUp(InputStream in) throws Exception {
        if (imageRuntime()) {
            LogManager.getLogManager().readConfiguration(in); // want "jvm-global-default-mutation" source:-
        }
    }

    public void reload(InputStream in) throws Exception {
        LogManager.getLogManager().readConfiguration(in); // want "jvm-global-default-mutation"
    }
}
