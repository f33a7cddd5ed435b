// log4j 2.19.0, log4j-core/src/main/java/org/apache/logging/log4j/core/impl/ReusableLogEventFactory.java
// (Apache License 2.0), trimmed. Safe where log4j is shared: the per-thread event is one log4j makes
// itself; the parameter only decides whether to keep it (existing == null), so no caller's object is
// kept, and log4j's own loader is never uninstalled.
package org.apache.logging.log4j.core.impl;

public class ReusableLogEventFactory {
    private static final ThreadLocal<MutableLogEvent> mutableLogEventThreadLocal = new ThreadLocal<>();

    private static MutableLogEvent getOrCreateMutableLogEvent() {
        MutableLogEvent result = mutableLogEventThreadLocal.get();
        return result == null || result.reserved ? createInstance(result) : result;
    }

    private static MutableLogEvent createInstance(MutableLogEvent existing) {
        MutableLogEvent result = new MutableLogEvent();
        result.setThreadId(Thread.currentThread().getId());
        result.setThreadName(Thread.currentThread().getName());
        if (existing == null) {
            mutableLogEventThreadLocal.set(result);
        }
        return result;
    }
}
