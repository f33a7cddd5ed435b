package fixtures.globals;

import java.util.logging.LogManager;

// Java 9's updateConfiguration changes the one java.util.logging
// configuration of the JVM, as readConfiguration does.
public class Jul9 {
    void update() throws Exception {
        LogManager.getLogManager().updateConfiguration(null); // want "jvm-global-default-mutation"
    }
}
