package fixtures;

import java.io.File;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

// Tasks on shared pools followed to what they run: housekeeping that
// deletes files, closes idle connections or pings reaches nothing the
// context loader decides; a task that calls listeners, loads by name or
// runs what it was handed does.
public class Reach {
    private static Timer rollover;
    private static final ScheduledExecutorService HOUSEKEEPER = java.util.concurrent.Executors.newScheduledThreadPool(1);

    private RollTask rollTask;
    private final List<Listener> listeners = new java.util.ArrayList<>();
    private final List<AutoCloseable> idle = new java.util.ArrayList<>();
    private String host;

    interface Listener {
        void onEvent(String e);
    }

    // jetty's RolloverFileOutputStream: a timer task in a field that
    // renames and deletes log files through its outer instance.
    void scheduleNextRollover(long delay) {
        rollTask = new RollTask();
        rollover.schedule(rollTask, delay); // want "tccl-not-propagated" source:-
    }

    private class RollTask extends TimerTask {
        @Override
        public void run() {
            Reach.this.removeOldFiles(new File("logs"));
            scheduleNextRollover(1000L);
        }
    }

    private void removeOldFiles(File dir) {
        File[] old = dir.listFiles();
        if (old != null) {
            for (File f : old) {
                deleteQuietly(f);
            }
        }
    }

    private static void deleteQuietly(File f) {
        if (!f.delete()) {
            f.deleteOnExit();
        }
    }

    // A pool's housekeeper: closes idle objects, nothing else.
    void startHousekeeping() {
        HOUSEKEEPER.scheduleWithFixedDelay(() -> evictIdle(), 1, 1, TimeUnit.SECONDS); // want "tccl-not-propagated" source:-
        HOUSEKEEPER.scheduleWithFixedDelay(this::ping, 1, 5, TimeUnit.SECONDS); // want "tccl-not-propagated" source:-
        HOUSEKEEPER.execute(new Pinger(host, 80));
        CompletableFuture.runAsync(() -> evictIdle()); // want "tccl-not-propagated" source:-
    }

    private void evictIdle() {
        for (AutoCloseable c : idle) {
            closeQuietly(c);
        }
    }

    private void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // ignored
        }
    }

    private void ping() {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(host, 80), 1000);
        } catch (java.io.IOException e) {
            // down
        }
    }

    static final class Pinger implements Runnable {
        private final String host;
        private final int port;

        Pinger(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public void run() {
            try (java.net.Socket s = new java.net.Socket(host, port)) {
                s.setSoTimeout(1000);
            } catch (java.io.IOException e) {
                // down
            }
        }
    }

    // Hazards: the task reaches the app's listeners, a lookup by name, or
    // code it was handed, a call or two away.
    void hazards(String className, Runnable work) {
        HOUSEKEEPER.execute(() -> fireChanged()); // want "tccl-not-propagated"
        HOUSEKEEPER.scheduleWithFixedDelay(this::fireChanged, 1, 1, TimeUnit.SECONDS); // want "tccl-not-propagated"
        HOUSEKEEPER.execute(() -> load(className)); // want "tccl-not-propagated"
        HOUSEKEEPER.execute(() -> { // want "tccl-not-propagated"
            evictIdle();
            work.run();
        });
        CompletableFuture.runAsync(() -> fireChanged()); // want "tccl-not-propagated"
        HOUSEKEEPER.execute(new Notifier(listeners)); // want "tccl-not-propagated" bytecode:-
    }

    static void stop() {
        HOUSEKEEPER.shutdown();
    }

    private void fireChanged() {
        notifyAll("changed");
    }

    private void notifyAll(String what) {
        for (Listener l : listeners) {
            l.onEvent(what);
        }
    }

    private Object load(String name) {
        for (Listener l : java.util.ServiceLoader.load(Listener.class)) {
            return l;
        }
        return name;
    }

    static final class Notifier implements Runnable {
        private final List<Listener> targets;

        Notifier(List<Listener> targets) {
            this.targets = targets;
        }

        @Override
        public void run() {
            for (Listener l : targets) {
                l.onEvent("tick");
            }
        }
    }
}
