// javassist 3.27.0, src/main/javassist/util/HotSwapper.java (MPL 1.1 / LGPL 2.1 / Apache 2.0), trimmed.
// Safe look-alike: one helper thread per reload request that waits for one event, handles it and
// returns; its only loop walks the event set it received.
package javassist.util;

import java.util.Iterator;
import java.util.List;

public class HotSwapper {
    private List<Object> events;

    private void startDaemon() {
        new Thread() {
            @Override
            public void run() {
                try {
                    Iterator<Object> iter = waitEvent().iterator();
                    while (iter.hasNext()) {
                        Object event = iter.next();
                        if (event != null) {
                            hotswap();
                            break;
                        }
                    }
                } catch (Throwable e) {
                    // reported
                }
            }
        }.start();
    }

    List<Object> waitEvent() {
        return events;
    }

    void hotswap() {
    }
}
