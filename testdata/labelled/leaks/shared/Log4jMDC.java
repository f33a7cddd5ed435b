// log4j 2.19.0, log4j-1.2-api/src/main/java/org/apache/log4j/MDC.java (Apache License 2.0), trimmed.
// Hazard: a static InheritableThreadLocal map that fills itself and is never removed; the values are
// whatever apps put, and clear() only empties the map when a caller remembers to call it. Its own
// comment warns of redeployment leaks.
package org.apache.log4j;

import java.util.HashMap;
import java.util.Map;

public final class MDC {
    private static ThreadLocal<Map<String, Object>> localMap = // want "threadlocal-leak"
        new InheritableThreadLocal<Map<String, Object>>() {
            @Override
            protected Map<String, Object> initialValue() {
                return new HashMap<>();
            }
        };

    public static void put(final String key, final Object value) {
        localMap.get().put(key, value);
    }

    public static Object get(final String key) {
        return localMap.get().get(key);
    }

    public static void clear() {
        localMap.get().clear();
    }
}
