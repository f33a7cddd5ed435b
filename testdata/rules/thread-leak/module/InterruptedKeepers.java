package demo.poll;

// A thread kept in a field and started once: a method of the class that
// interrupts it ends it (in a class file as in the source, where the
// class makes the call); with no such method it runs on after uninstall.
class InterruptedKeeper {
    private final Thread worker = new Thread(new Spin(), "keeper");
    private volatile boolean running;

    public void begin() {
        if (!running) {
            running = true;
            worker.start();
        }
    }

    public void reset() {
        running = false;
        worker.interrupt();
    }
}

class UninterruptedKeeper {
    private final Thread worker = new Thread(new Spin(), "keeper");
    private volatile boolean running;

    public void begin() {
        if (!running) {
            running = true;
            worker.start(); // want "thread-leak:low"
        }
    }

    public void reset() {
        running = false;
    }
}

class Spin implements Runnable {
    @Override
    public void run() {
        while (true) {
            Thread.yield();
        }
    }
}
