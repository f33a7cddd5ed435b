// commons-pool2 2.11.1, src/main/java/org/apache/commons/pool2/PoolUtils.java (Apache License 2.0),
// trimmed. Hazard: a JVM-wide Timer kept in a holder class and never cancelled; bundled in a module,
// its thread keeps running after uninstall and pins the module's ClassLoader.
package org.apache.commons.pool2;

import java.util.Timer;

public final class PoolUtils {
    static class TimerHolder {
        static final Timer MIN_IDLE_TIMER = new Timer(true); // want "timer-leak"
    }
}
