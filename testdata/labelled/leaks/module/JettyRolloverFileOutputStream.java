// jetty 9.4.57, jetty-util/src/main/java/org/eclipse/jetty/util/RolloverFileOutputStream.java
// (Eclipse Public License 2.0 / Apache License 2.0), trimmed. Hazard: a JVM-wide daemon Timer made
// lazily by the first stream and never cancelled; close() cancels the stream's task, not the timer,
// whose thread keeps the module's ClassLoader (its context loader) after uninstall.
package org.eclipse.jetty.util;

import java.util.Timer;
import java.util.TimerTask;

public class RolloverFileOutputStream {
    private static Timer __rollover;
    private TimerTask _rollTask;

    public RolloverFileOutputStream(String filename) {
        synchronized (RolloverFileOutputStream.class)
        {
            if (__rollover == null)
                __rollover = new Timer(RolloverFileOutputStream.class.getName(), true); // want "timer-leak"
        }
        scheduleNextRollover();
    }

    private void scheduleNextRollover() {
        _rollTask = new TimerTask() {
            @Override
            public void run() {
            }
        };
        __rollover.schedule(_rollTask, 1000L);
    }

    public void close() {
        synchronized (RolloverFileOutputStream.class)
        {
            if (_rollTask != null)
                _rollTask.cancel();
            _rollTask = null;
        }
    }
}
