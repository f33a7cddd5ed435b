// zookeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/server/auth/ProviderRegistry.java
// (Apache License 2.0). Hazard behind a helper: initialize(), called lazily from getProvider(), fills
// one JVM-wide map with provider classes named by system properties and loaded by ZooKeeper's
// loader; the first app to ask configures every app. The flag that guards the fill is only ever set
// to a literal: it is part of the map's hazard, not one of its own (one hazard, one finding).
// A known miss: in this excerpt the map holds only values the library computes itself
// (new IPAuthenticationProvider()), which static-mutable-state no longer reports (as notes they
// were mostly the same for every app); the provider classes named by system properties are what
// makes it a hazard.
package org.apache.zookeeper.server.auth;

import java.util.HashMap;
import java.util.Map;

public class ProviderRegistry {
    public static final String AUTHPROVIDER_PROPERTY_PREFIX = "zookeeper.authProvider.";

    private static boolean initialized = false;
    private static final Map<String, AuthenticationProvider> authenticationProviders = new HashMap<>();

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
