// Jetty 9.4.57, jetty-server/src/main/java/org/eclipse/jetty/server/ShutdownMonitor.java
// (Apache License 2.0 / EPL 1.0), abridged. The stop port's thread ends the
// JVM after a "stop" command unless STOP.EXIT is set to false: the switch is
// read from a system property, but its default is "true", so the exit runs
// unless someone opts out. A switch on by default is no opt-in: the exit
// keeps its level, also behind "if (!exitVm) break;".
package org.eclipse.jetty.server;

public class ShutdownMonitor {
    private boolean exitVm = true;

    private ShutdownMonitor() {
        // only change the default exitVm setting if STOP.EXIT is explicitly set
        this.exitVm = Boolean.valueOf(System.getProperty("STOP.EXIT", "true"));
    }

    public boolean isExitVm() {
        synchronized (this) {
            return exitVm;
        }
    }

    public void setExitVm(boolean exitVm) {
        synchronized (this) {
            this.exitVm = exitVm;
        }
    }

    // ShutdownMonitorRunnable.run, the stop port's loop.
    public void listen(java.io.BufferedReader reader) throws java.io.IOException {
        while (true) {
            String cmd = reader.readLine();
            boolean exitVm = isExitVm();
            if ("stop".equalsIgnoreCase(cmd)) {
                if (!exitVm)
                    break;

                // Kill JVM
                System.exit(0); // want "system-exit:critical"
            }
        }
    }
}
