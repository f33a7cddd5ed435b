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

// java.util.logging has one root logger per JVM: removing its handlers
// (by hand or through jul-to-slf4j) takes them from the base and every
// module.
class JulRoot {
    private static final java.util.logging.Logger ROOT = java.util.logging.Logger.getLogger("");

    void bridge() {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger(); // want "logging-context-reset"
    }

    void direct(java.util.logging.Handler h) {
        java.util.logging.Logger.getLogger("").removeHandler(h); // want "logging-context-reset" bytecode:-
    }

    void local() {
        java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
        for (java.util.logging.Handler h : root.getHandlers()) {
            root.removeHandler(h); // want "logging-context-reset" bytecode:-
        }
    }

    void field(java.util.logging.Handler h) {
        ROOT.removeHandler(h); // want "logging-context-reset" bytecode:-
    }

    // Safe look-alikes: a named logger of the app's own.
    void own(java.util.logging.Handler h) {
        java.util.logging.Logger.getLogger("com.acme").removeHandler(h);
        java.util.logging.Logger mine = java.util.logging.Logger.getLogger(JulRoot.class.getName());
        mine.removeHandler(h);
    }
}
