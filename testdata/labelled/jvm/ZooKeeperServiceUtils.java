// ZooKeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/util/ServiceUtils.java
// (Apache License 2.0). The exit hides behind a helper: a static Consumer
// initialised with a lambda that calls System.exit, kept in a volatile field
// and invoked by requestSystemExit(code). The exit itself, the invocation of
// the field, and every caller of the helper (RequestThrottler.java below)
// end the JVM in a server embedded in a shared JVM.
package org.apache.zookeeper.util;

import java.util.Objects;
import java.util.function.Consumer;

public abstract class ServiceUtils {

    private ServiceUtils() {
    }

    public static final Consumer<Integer> SYSTEM_EXIT = (code) -> {
        System.exit(code); // want "system-exit"
    };

    public static final Consumer<Integer> LOG_ONLY = (code) -> {
    };

    // A static written at run time (setSystemExitProcedure): shared state too.
    private static volatile Consumer<Integer> systemExitProcedure = SYSTEM_EXIT; // want "static-mutable-state"

    // Safe: replacing the procedure (what tests and embedders do) ends nothing.
    public static void setSystemExitProcedure(Consumer<Integer> systemExitProcedure) {
        Objects.requireNonNull(systemExitProcedure);
        ServiceUtils.systemExitProcedure = systemExitProcedure;
    }

    public static void requestSystemExit(int code) {
        systemExitProcedure.accept(code); // want "system-exit"
    }
}
