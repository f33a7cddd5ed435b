package demo.threads;

import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

// A loop's stop flag written by a helper that a lifecycle end method calls
// (deactivate() -> setRunning(false)): the thread is stopped. The same
// helper with no end method calling it stops nothing.
class HelperStopped implements Runnable {
    private volatile boolean running;
    private Thread worker;

    void activate() {
        running = true;
        worker = new Thread(this, "helper-stopped");
        worker.setDaemon(true);
        worker.start(); // want "thread-leak:low" source:-
    }

    void deactivate() {
        setRunning(false);
    }

    private void setRunning(boolean value) {
        running = value;
    }

    public void run() {
        while (running) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

// contextDestroyed calls a helper that calls another one writing the flag.
class ListenerStopped implements Runnable {
    private volatile boolean quit;
    private Thread pump;

    public void contextInitialized(Object event) {
        pump = new Thread(this);
        pump.setDaemon(true);
        pump.start(); // want "thread-leak:low" source:-
    }

    public void contextDestroyed(Object event) {
        cleanUpAll();
    }

    private void cleanUpAll() {
        requestQuit();
    }

    private void requestQuit() {
        quit = true;
    }

    public void run() {
        while (!quit) {
            Thread.yield();
        }
    }
}

// The field keeping the thread named by a helper an end method calls.
class HelperInterrupts {
    private Thread poller;

    void begin() {
        poller = new Thread(new Runnable() {
            public void run() {
                for (;;) {
                    Thread.yield();
                }
            }
        });
        poller.setDaemon(true);
        poller.start(); // want "thread-leak:low" source:-
    }

    void deactivate() {
        forget();
    }

    private void forget() {
        if (poller != null) {
            poller = null;
        }
    }
}

// A helper that writes the flag, which no end method calls: nothing stops it.
class HelperNeverCalled implements Runnable {
    private volatile boolean running = true;
    private Thread worker;

    void begin() {
        worker = new Thread(this);
        worker.setDaemon(true);
        worker.start(); // want "thread-leak:low"
    }

    void pause() {
        setRunning(false);
    }

    private void setRunning(boolean value) {
        running = value;
    }

    public void run() {
        while (running) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

// A helper an end method calls that only reads the flag stops nothing.
class HelperOnlyReads implements Runnable {
    private volatile boolean running = true;
    private Thread worker;

    void begin() {
        worker = new Thread(this);
        worker.setDaemon(true);
        worker.start(); // want "thread-leak:low"
    }

    void deactivate() {
        report();
    }

    private void report() {
        boolean seen = running;
    }

    public void run() {
        while (running) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

// Threads that end with their work: a pass over what a collection holds,
// waiting for nothing more, ends when it is empty.
class Drainer {
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<Runnable>();
    private final List<String> names;
    private Thread flusher;
    private Thread lister;

    Drainer(List<String> names) {
        this.names = names;
    }

    void flush() {
        flusher = new Thread(new Runnable() {
            public void run() {
                while (!pending.isEmpty()) {
                    pending.poll().run();
                }
            }
        });
        flusher.setDaemon(true);
        flusher.start(); // want "thread-leak:low" source:-
    }

    void list() {
        lister = new Thread(() -> {
            Iterator<String> it = names.iterator();
            int length = 0;
            while (it.hasNext()) {
                length += it.next().length();
            }
        });
        lister.start(); // want "thread-leak:low" source:-
    }

    // A pass over the names until a limit: it ends no later than they do.
    void listSome(int limit) {
        lister = new Thread(() -> {
            Iterator<String> it = names.iterator();
            int length = 0;
            while (it.hasNext() && length < limit) {
                length += it.next().length();
            }
        });
        lister.start(); // want "thread-leak:low" source:-
    }

    private volatile boolean keepListing = true;

    // Either more names or a flag keeps it going: not bounded by the names.
    void listWhile() {
        Thread watcher = new Thread(() -> {
            Iterator<String> it = names.iterator();
            while (it.hasNext() || keepListing) {
                Thread.yield();
            }
        });
        watcher.start(); // want "thread-leak:low" bytecode:-
    }
}

// A loop on a collection that waits for more work when it is empty idles
// for ever: still a leak.
class WaitingDrainer {
    private final BlockingQueue<Runnable> queue;
    private Thread worker;

    WaitingDrainer(BlockingQueue<Runnable> queue) {
        this.queue = queue;
    }

    void begin() {
        worker = new Thread(new Runnable() {
            public void run() {
                while (queue.size() >= 0) {
                    try {
                        queue.take().run();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        worker.setDaemon(true);
        worker.start(); // want "thread-leak:low"
    }

    void idle() {
        worker = new Thread(new Runnable() {
            public void run() {
                while (!queue.isEmpty()) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        worker.setDaemon(true);
        worker.start(); // want "thread-leak:low"
    }
}

// A retry until the work succeeds: the pass that gets through returns, and
// the thread ends with it. An exit only in a catch or an if, or in a loop
// that waits on, keeps the thread running.
class Retrier {
    private Thread connector;
    private Thread poller;
    private Thread sender;

    void connectLater() {
        connector = new Thread(new Runnable() {
            public void run() {
                while (true) {
                    try {
                        connect();
                        return;
                    } catch (RuntimeException e) {
                        pause();
                    }
                }
            }
        });
        connector.setDaemon(true);
        connector.start(); // want "thread-leak:low" source:-
    }

    void pollLater() {
        poller = new Thread(new Runnable() {
            public void run() {
                for (;;) {
                    try {
                        connect();
                    } catch (RuntimeException e) {
                        return;
                    }
                    pause();
                }
            }
        });
        poller.setDaemon(true);
        poller.start(); // want "thread-leak:low"
    }

    void sendLater(final boolean once) {
        sender = new Thread(new Runnable() {
            public void run() {
                while (true) {
                    connect();
                    if (once) {
                        break;
                    }
                    pause();
                }
            }
        });
        sender.setDaemon(true);
        sender.start(); // want "thread-leak:low"
    }

    void connect() {
    }

    void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            return;
        }
    }
}
