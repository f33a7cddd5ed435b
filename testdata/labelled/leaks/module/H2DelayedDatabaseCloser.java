// h2database 2.1.214, h2/src/main/org/h2/engine/DelayedDatabaseCloser.java (MPL 2.0 / EPL 1.0), trimmed.
// Safe look-alike: a Thread subclass started in its constructor whose loop counts a delay down and
// then closes the database once: bounded work, the thread ends by itself.
package org.h2.engine;

import java.lang.ref.WeakReference;

class DelayedDatabaseCloser extends Thread {
    private volatile WeakReference<Object> databaseRef;
    private int delayInMillis;

    DelayedDatabaseCloser(Object db, int delayInMillis) {
        databaseRef = new WeakReference<>(db);
        this.delayInMillis = delayInMillis;
        setDaemon(true);
        start();
    }

    @Override
    public void run() {
        while (delayInMillis > 0) {
            try {
                int step = 100;
                Thread.sleep(step);
                delayInMillis -= step;
            } catch (Exception e) {
                // ignore InterruptedException
            }
            WeakReference<Object> ref = databaseRef;
            if (ref == null || ref.get() == null) {
                return;
            }
        }
    }
}
