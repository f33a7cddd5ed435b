package demo.refs;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;

// A cleaner thread that stops once the queue's owner is collected: its
// phantom reference comes off the queue and the loop breaks.
class Cleaner implements Runnable {
    private static Constructor<Thread> threadConstructor;
    private final ReferenceQueue<Object> queue;
    private final PhantomReference<Object> ownerReference;

    private Cleaner(ReferenceQueue<Object> queue, PhantomReference<Object> ownerReference) {
        this.queue = queue;
        this.ownerReference = ownerReference;
    }

    static void startCleaner(ReferenceQueue<Object> queue, PhantomReference<Object> owner) throws Exception {
        Cleaner cleaner = new Cleaner(queue, owner);
        Thread thread = null;
        if (threadConstructor != null) {
            thread = threadConstructor.newInstance(null, cleaner, "cleaner", 0L, false);
        }
        if (thread == null) {
            thread = new Thread(null, cleaner, "cleaner");
        }
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        while (true) {
            try {
                if (!process(queue.remove())) {
                    break;
                }
            } catch (InterruptedException e) {
                // keep waiting
            }
        }
    }

    private boolean process(Reference<?> reference) {
        if (reference == ownerReference) {
            return false;
        }
        reference.clear();
        return true;
    }
}

// A monitor that runs while it tracks handles, which are weakly held: it
// stops when the last one is collected.
class HandleMonitor {
    private static final ReferenceQueue<Object> handles = new ReferenceQueue<>();
    private static final Map<Reference<?>, Runnable> tracked = new HashMap<>();
    private static Thread monitor;

    static synchronized void track(Object handle, Runnable onRelease) {
        tracked.put(new WeakReference<>(handle, handles), onRelease);
        if (monitor == null) {
            monitor = new Thread(new Monitoring());
            monitor.setDaemon(true);
            monitor.start();
        }
    }

    private static synchronized boolean keepAlive() {
        if (!tracked.isEmpty()) {
            return true;
        }
        monitor = null;
        return false;
    }

    private static class Monitoring implements Runnable {
        @Override
        public void run() {
            while (keepAlive()) {
                try {
                    Reference<?> ref = handles.remove();
                    Runnable r;
                    synchronized (HandleMonitor.class) {
                        r = tracked.remove(ref);
                    }
                    if (r != null) {
                        r.run();
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}

// A queue watcher that never asks whether anything is left to watch: it
// runs for good.
class ForeverWatcher {
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private Thread watcher;

    void begin() {
        watcher = new Thread(() -> {
            while (true) {
                try {
                    queue.remove().clear();
                } catch (InterruptedException e) {
                    // keep waiting
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start(); // want "thread-leak:low"
    }
}

// The exit test calls a method named like a stop method; the loop ends only
// when that method says so, and it never does.
class SelfNamed {
    private final java.util.concurrent.BlockingQueue<Object> work = new java.util.concurrent.LinkedBlockingQueue<>();

    void begin() {
        new Thread(() -> { // want "thread-leak:low" bytecode:-
            while (true) {
                try {
                    if (!cleanUp(work.take())) {
                        break;
                    }
                } catch (InterruptedException e) {
                    // keep going
                }
            }
        }).start();
    }

    private boolean cleanUp(Object o) {
        return true;
    }
}
