package com.acme;

import ch.qos.logback.classic.LoggerContext;
import org.apache.logging.log4j.LogManager;
import org.slf4j.LoggerFactory;

public class LogReset {
    void reconfigure() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset(); // want "logging-context-reset:high"
    }

    void close() {
        LogManager.shutdown(); // want "logging-context-reset:high"
    }

    void jul() {
        java.util.logging.LogManager m = java.util.logging.LogManager.getLogManager();
        m.reset(); // want "logging-context-reset:high"
    }

    void lookAlikes(java.util.concurrent.ExecutorService pool, StringBuilder sb, Counter counter) {
        pool.shutdown();
        sb.setLength(0);
        counter.reset();
    }

    static class Counter {
        void reset() {
        }
    }
}
