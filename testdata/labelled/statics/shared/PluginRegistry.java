// apache-log4j2 2.19.0, log4j-core/src/main/java/org/apache/logging/log4j/core/config/plugins/util/PluginRegistry.java
// (Apache License 2.0), trimmed. Safe look-alike: double-checked lazy initialisation through a local;
// the field is assigned once, with a value no caller chose (static-singleton-first-wins judges what
// the constructor reads).
package org.apache.logging.log4j.core.config.plugins.util;

public class PluginRegistry {
    private static volatile PluginRegistry INSTANCE;
    private static final Object INSTANCE_LOCK = new Object();

    private PluginRegistry() {
    }

    public static PluginRegistry getInstance() {
        PluginRegistry result = INSTANCE;
        if (result == null) {
            synchronized (INSTANCE_LOCK) {
                result = INSTANCE;
                if (result == null) {
                    INSTANCE = result = new PluginRegistry();
                }
            }
        }
        return result;
    }
}
