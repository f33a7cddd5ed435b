package demo.poll;

import java.util.concurrent.ThreadFactory;

public class Poller {
    private volatile boolean running = true;
    private Thread worker;

    public void begin() {
        worker = new Thread(this::loop, "poller");
        worker.start(); // want "thread-leak:low"
    }

    public void inlineLoop() {
        new Thread(() -> { // want "thread-leak:low" bytecode:-
            while (running) {
                loop();
            }
        }).start();
    }

    public void subclass() {
        new Spinner().start(); // want "thread-leak:low" bytecode:-
    }

    public void daemon() {
        Thread t = new Thread(this::loop);
        t.setDaemon(true);
        t.start(); // want "thread-leak:low" bytecode:-
    }

    // One-shot work: the thread ends with its task, nothing is flagged.
    public void fireAndForget() {
        new Thread(this::once).start();
    }

    // The same start running the endless loop is a leak.
    public void fireAndLoop() {
        new Thread(this::loop).start(); // want "thread-leak:low" bytecode:-
    }

    public void fromFactory(ThreadFactory factory) {
        factory.newThread(this::loop).start();
    }

    public void oneShotLocal() {
        Thread t = new Thread(this::once, "once");
        t.start();
    }

    private void loop() {
        while (running) {
            Thread.yield();
        }
    }

    private void once() {
    }
}

class Spinner extends Thread {
    @Override
    public void run() {
        for (;;) {
            Thread.yield();
        }
    }
}
