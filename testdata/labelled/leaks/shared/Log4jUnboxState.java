// log4j 2.19.0, log4j-api/src/main/java/org/apache/logging/log4j/util/Unbox.java (Apache License 2.0),
// trimmed. Safe where log4j is shared: the per-thread State is a plain static holder of log4j's own
// whose fields are JDK values only (a StringBuilder ring and an int); it pins log4j's loader, which is
// never uninstalled, and nothing of an app.
package org.apache.logging.log4j.util;

public class Unbox {
    private static final int RINGBUFFER_SIZE = 32;
    private static final int MASK = RINGBUFFER_SIZE - 1;

    private static class State {
        private final StringBuilder[] ringBuffer = new StringBuilder[RINGBUFFER_SIZE];
        private int current;

        State() {
            for (int i = 0; i < ringBuffer.length; i++) {
                ringBuffer[i] = new StringBuilder(21);
            }
        }

        public StringBuilder getStringBuilder() {
            final StringBuilder result = ringBuffer[MASK & current++];
            result.setLength(0);
            return result;
        }
    }

    private static ThreadLocal<State> threadLocalState = new ThreadLocal<>();

    private static State getState() {
        State state = threadLocalState.get();
        if (state == null) {
            state = new State();
            threadLocalState.set(state);
        }
        return state;
    }

    public static StringBuilder box(final long value) {
        return getState().getStringBuilder().append(value);
    }
}
