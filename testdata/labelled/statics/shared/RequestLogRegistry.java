// logback 1.2.11, logback-access/src/main/java/ch/qos/logback/access/jetty/RequestLogRegistry.java
// (EPL 1.0 / LGPL 2.1). Hazard: a static registry holding the caller's own request log under the name
// taken from it; a module's object (and its class loader) stays reachable from the base, and two apps
// registering the same name overwrite each other.
package ch.qos.logback.access.jetty;

import java.util.HashMap;
import java.util.Map;

public class RequestLogRegistry {
    private static Map<String, RequestLogImpl> requestLogRegistry = new HashMap<String, RequestLogImpl>(); // want "static-mutable-state"

    public static void register(RequestLogImpl requestLogImpl) {
        requestLogRegistry.put(requestLogImpl.getName(), requestLogImpl);
    }

    public static RequestLogImpl get(String key) {
        return requestLogRegistry.get(key);
    }
}

class RequestLogImpl {
    String getName() {
        return "default";
    }
}
