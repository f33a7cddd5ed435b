// logback 1.2.11, logback-classic/src/main/java/ch/qos/logback/classic/util/ContextSelectorStaticBinder.java
// (EPL-1.0 / LGPL-2.1). Safe look-alike: a configured class name handed to
// Loader.loadClass, which tries the context loader first.
package ch.qos.logback.classic.util;

import ch.qos.logback.core.util.Loader;

public class ContextSelectorStaticBinder {
    static Object dynamicalContextSelector(Object defaultLoggerContext, String contextSelectorStr) throws Exception {
        Class<?> contextSelectorClass = Loader.loadClass(contextSelectorStr);
        return contextSelectorClass.getConstructor(Object.class).newInstance(defaultLoggerContext);
    }
}
