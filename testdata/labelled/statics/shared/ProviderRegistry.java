// zookeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/server/auth/ProviderRegistry.java
// (Apache License 2.0). Hazard behind a helper: initialize(), called lazily from getProvider(), fills
// one JVM-wide map with provider classes named by system properties and loaded by ZooKeeper's
// loader; the first app to ask configures every app. The flag that guards the fill is only ever set
// to a literal: it is part of the map's hazard, not one of its own (one hazard, one finding).
package org.apache.zookeeper.server.auth;

import java.util.HashMap;
import java.util.Map;

public class ProviderRegistry {
    public static final String AUTHPROVIDER_PROPERTY_PREFIX = "zookeeper.authProvider.";

    private static boolean initialized = false;
    private static final Map<String, AuthenticationProvider> authenticationProviders = new HashMap<>(); // want "static-mutable-state"

    public static void initialize() {
        synchronized (ProviderRegistry.class) {
            IPAuthenticationProvider ipp = new IPAuthenticationProvider();
            authenticationProviders.put(ipp.getScheme(), ipp);
            initialized = true;
        }
    }

    public static AuthenticationProvider getProvider(String scheme) {
        if (!initialized) {
            initialize();
        }
        return authenticationProviders.get(scheme);
    }
}
