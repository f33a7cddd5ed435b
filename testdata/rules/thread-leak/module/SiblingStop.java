package demo.threads;

// A sibling stop method naming the thread, and a factory that returns the
// thread it starts: nothing is flagged.
class Collector implements Runnable {
    private volatile boolean stop;
    private Thread thread;

    public Collector startCollecting() {
        thread = new Thread(this, "collector");
        thread.setDaemon(true);
        thread.start(); // want "thread-leak" source:-
        return this;
    }

    public Collector stopCollecting() {
        stop = true;
        if (thread != null) {
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

class Threads {
    static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }
}

class Unstopped implements Runnable {
    private Thread worker;
    private boolean done;

    void begin() {
        worker = new Thread(this);
        worker.setDaemon(true);
        worker.start(); // want "thread-leak:low"
    }

    public void stopLater() {
        done = true;
    }

    @Override
    public void run() {
        while (!done) {
            Thread.yield();
        }
    }
}
