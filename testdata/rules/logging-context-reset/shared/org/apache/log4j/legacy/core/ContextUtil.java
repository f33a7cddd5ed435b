package org.apache.log4j.legacy.core;

import org.apache.logging.log4j.core.LoggerContext;

// Log4j 2's own log4j 1.2 bridge closing a context it is handed: the
// framework's API, not a use of it.
public final class ContextUtil {
    public static void reset(LoggerContext ctx) {
        ctx.close();
    }
}
