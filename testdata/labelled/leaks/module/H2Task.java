// h2database 2.1.214, h2/src/main/org/h2/util/Task.java (MPL 2.0 / EPL 1.0), trimmed.
// Safe look-alike: one daemon thread per task, kept in a field only to wait for its result; run()
// makes one call and returns, so the thread ends with its work.
package org.h2.util;

public abstract class Task implements Runnable {
    private Thread thread;
    private volatile boolean stop;
    private volatile boolean finished;
    private Object result;
    private Exception ex;

    public abstract void call() throws Exception;

    @Override
    public void run() {
        try {
            call();
        } catch (Exception e) {
            this.ex = e;
        }
        finished = true;
    }

    public Task execute(String threadName) {
        thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.start();
        return this;
    }
}
