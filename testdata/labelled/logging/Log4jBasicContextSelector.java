// Apache Log4j 2.19.0, log4j-core/src/main/java/org/apache/logging/log4j/core/selector/BasicContextSelector.java
// (Apache License 2.0). The selector's shutdown stops the context it hands
// out: log4j's own implementation of LogManager.shutdown, not a caller of it.
package org.apache.logging.log4j.core.selector;

import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.LoggerContext;

public class BasicContextSelector {
    private static final LoggerContext CONTEXT = new LoggerContext("Default");

    public void shutdown(String fqcn, ClassLoader loader, boolean currentContext, boolean allContexts) {
        LoggerContext ctx = CONTEXT;
        if (ctx != null && ctx.isStarted()) {
            ctx.stop(50, TimeUnit.MILLISECONDS);
        }
    }
}
