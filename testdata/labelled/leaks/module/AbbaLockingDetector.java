// h2database 2.1.214, h2/src/main/org/h2/util/AbbaLockingDetector.java (MPL 2.0 / EPL 1.0), trimmed.
// Safe look-alike: the thread kept in a field is ended by the sibling stopCollecting(), which sets the
// loop's flag and joins the thread: a stop path, though not named stop() or close().
package org.h2.util;

public class AbbaLockingDetector implements Runnable {
    private volatile boolean stop;
    private Thread thread;

    public AbbaLockingDetector startCollecting() {
        thread = new Thread(this, "AbbaLockingDetector");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    public AbbaLockingDetector stopCollecting() {
        stop = true;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // ignore
            }
            thread = null;
        }
        return this;
    }

    @Override
    public void run() {
        while (!stop) {
            Thread.yield();
        }
    }
}
