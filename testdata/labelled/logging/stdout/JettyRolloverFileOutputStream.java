// Jetty 9.4.57, jetty-util/src/main/java/org/eclipse/jetty/util/RolloverFileOutputStream.java (Apache License 2.0 / EPL 1.0).
// Safe: the stream is what logging writes to; when its rollover fails there is no log to write to,
// as the comment says.
package org.eclipse.jetty.util;

import java.util.TimerTask;

public class RolloverFileOutputStream {
    private class RollTask extends TimerTask {
        @Override
        public void run() {
            try {
                RolloverFileOutputStream.this.setFile();
            } catch (Throwable t) {
                // Cannot log this exception to a LOG, as RolloverFOS can be used by logging
                t.printStackTrace(System.err);
            }
        }
    }

    void setFile() {
    }
}
