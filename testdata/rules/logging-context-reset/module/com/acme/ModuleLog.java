package com.acme;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

public class ModuleLog {
    void stop() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.stop(); // want "logging-context-reset:medium"
        java.util.logging.LogManager m = java.util.logging.LogManager.getLogManager();
        m.reset(); // want "logging-context-reset:high"
    }

    void lookAlike(java.util.Timer timer) {
        timer.cancel();
    }
}
