package demo.outerflag;

// An inner worker thread whose loop reads a flag of the outer class. The
// outer class's tearDown() sets it under the lock the worker waits on and
// wakes it: the worker ends when its owner is torn down.
public class WorkQueue {
    private final Object lock = new Object();
    private boolean killFlag;
    private boolean doWork;
    private Worker worker;

    public void start() {
        killFlag = false;
        worker = new Worker();
        worker.start();
    }

    public void submit() {
        synchronized (lock) {
            doWork = true;
            lock.notifyAll();
        }
    }

    public void tearDown() {
        synchronized (lock) {
            killFlag = true;
            lock.notifyAll();
        }
    }

    class Worker extends Thread {
        @Override
        public void run() {
            while (!killFlag) {
                synchronized (lock) {
                    while (!doWork) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (killFlag) {
                            return;
                        }
                    }
                    doWork = false;
                }
                if (killFlag) {
                    return;
                }
                process();
            }
        }
    }

    void process() {
    }
}

// The same shape, but the flag is written only by a method no owner calls
// on stop: the worker runs on after the module is gone.
class WorkQueueNeverStopped {
    private final Object lock = new Object();
    private boolean killFlag;
    private boolean doWork;
    private Looper worker;

    public void begin() {
        killFlag = false;
        worker = new Looper();
        worker.start(); // want "thread-leak:low"
    }

    public void pause() {
        synchronized (lock) {
            killFlag = true;
            lock.notifyAll();
        }
    }

    class Looper extends Thread {
        @Override
        public void run() {
            while (!killFlag) {
                synchronized (lock) {
                    while (!doWork) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    doWork = false;
                }
                if (killFlag) {
                    return;
                }
            }
        }
    }
}

// The inner wait reads only its work flag; the owner's stopDispatching() sets the
// stop flag under the lock and wakes the waiter, which then leaves through
// the outer test.
class Dispatcher {
    private final Object lock = new Object();
    private boolean killFlag;
    private boolean doWork;

    public void startDispatching() {
        killFlag = false;
        new Pump().start();
    }

    public void stopDispatching() {
        synchronized (lock) {
            killFlag = true;
            lock.notifyAll();
        }
    }

    private class Pump extends Thread {
        @Override
        public void run() {
            while (!killFlag) {
                synchronized (lock) {
                    while (!doWork) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
        }
    }
}

// A plain boolean written by stopWatching() with no lock, read by a worker that
// only sleeps: the worker may never see the write.
class UnlockedFlag {
    private boolean closed;

    public void open() {
        new Thread(() -> { // want "thread-leak:low"
            while (!closed) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }).start();
    }

    public void stopWatching() {
        closed = true;
    }
}

// A flag a qualified stop method (requestStop, gracefulShutdown) sets
// ends the loop; one set by a query-named method does not.
class QualifiedStops {
    private volatile boolean stopRequested;
    private volatile boolean draining;

    void begin() {
        new Thread(() -> {
            while (!stopRequested) {
                pause();
            }
        }).start();
    }

    void drain() {
        new Thread(() -> { // want "thread-leak:low"
            while (!draining) {
                pause();
            }
        }).start();
    }

    public void requestStop() {
        stopRequested = true;
    }

    public boolean isStopRequested() {
        draining = true;
        return stopRequested;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            return;
        }
    }
}

// The flag read as Outer.this.flag, beside another test, from an inner
// worker; the owner's stopPolling() sets it.
class OuterThisFlag {
    private volatile boolean stopped;
    private volatile boolean paused;

    void begin() {
        new Poller().start();
    }

    public void stopPolling() {
        stopped = true;
    }

    class Poller extends Thread {
        @Override
        public void run() {
            while (!paused && !OuterThisFlag.this.stopped) {
                Thread.yield();
            }
        }
    }
}
