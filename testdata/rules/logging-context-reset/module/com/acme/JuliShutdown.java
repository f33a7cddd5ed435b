package com.acme;

import java.util.logging.LogManager;

// A java.util.logging reset guarded by a check that the LogManager is the
// container's own per-class-loader implementation resets only this app's
// loggers: not JVM-wide. Compiled code does not show the guard.
public class JuliShutdown {
    void contextDestroyed() {
        if (LogManager.getLogManager() instanceof PerLoaderLogManager) {
            LogManager.getLogManager().reset(); // want "logging-context-reset:high" source:-
        }
    }

    void earlyReturn() {
        LogManager manager = LogManager.getLogManager();
        if (!(manager instanceof PerLoaderLogManager)) {
            return;
        }
        manager.reset(); // want "logging-context-reset:high" source:-
    }

    void unguarded() {
        if (LogManager.getLogManager() != null) {
            LogManager.getLogManager().reset(); // want "logging-context-reset:high"
        }
    }

    void otherBranch() {
        if (LogManager.getLogManager() instanceof PerLoaderLogManager) {
            return;
        } else {
            LogManager.getLogManager().reset(); // want "logging-context-reset:high"
        }
    }

    void plainManager() {
        LogManager manager = LogManager.getLogManager();
        if (manager instanceof LogManager) {
            manager.reset(); // want "logging-context-reset:high"
        }
    }

    // The same guard by the manager's class: the reset runs only when the
    // installed manager is not the JDK's own.
    static void release() {
        if (!LogManager.getLogManager().getClass().getName().equals(
                "java.util.logging.LogManager")) {
            LogManager.getLogManager().reset(); // want "logging-context-reset:high" source:-
        }
    }

    void byClass() {
        if (LogManager.getLogManager().getClass() != LogManager.class) {
            LogManager.getLogManager().reset(); // want "logging-context-reset:high" source:-
        }
    }

    void jdkReturns() {
        if (LogManager.getLogManager().getClass() == LogManager.class) {
            return;
        }
        LogManager.getLogManager().reset(); // want "logging-context-reset:high" source:-
    }

    void onlyTheJdks() {
        if ("java.util.logging.LogManager".equals(LogManager.getLogManager().getClass().getName())) {
            LogManager.getLogManager().reset(); // want "logging-context-reset:high"
        }
    }
}

class PerLoaderLogManager extends LogManager {
}
