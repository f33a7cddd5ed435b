// Guava 31.1, guava/src/com/google/common/util/concurrent/UncaughtExceptionHandlers.java (Apache License 2.0).
// Safe: stderr only when the logger itself failed, the last resort of logging.
package com.google.common.util.concurrent;

import java.util.logging.Level;
import java.util.logging.Logger;

final class Exiter implements Thread.UncaughtExceptionHandler {
    private static final Logger logger = Logger.getLogger(Exiter.class.getName());

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        try {
            logger.log(Level.SEVERE, String.format("Caught an exception in %s.  Shutting down.", t), e);
        } catch (Throwable errorInLogging) {
            // If logging fails, e.g. due to missing memory, at least try to log the
            // message and the cause for the failed logging.
            System.err.println(e.getMessage());
            System.err.println(errorInLogging.getMessage());
        }
    }
}
