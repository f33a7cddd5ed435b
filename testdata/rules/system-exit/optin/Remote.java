package optin;

import java.util.concurrent.ExecutorService;

// Exits the switch guards through the code it creates: an anonymous
// class, a lambda or a method reference made under an off-by-default
// switch runs only when the switch is on. Made outside the switch, or
// under a switch on by default, they keep the level.
public class Remote {
    static final boolean REMOTE_SYSTEM_EXIT = getPropDefault("remote.system.exit", false);
    static final boolean EXIT_ON_ERROR = getPropDefault("remote.exit.on.error", true);

    private final ExecutorService executor;

    Remote(ExecutorService executor) {
        this.executor = executor;
    }

    static boolean getPropDefault(String key, boolean def) {
        return Boolean.parseBoolean(System.getProperty(key, String.valueOf(def)));
    }

    public void exit() {
        tidy();
        if (REMOTE_SYSTEM_EXIT) { // default is false
            Thread t = new Thread() {
                @Override
                public void run() {
                    pause(1000);
                    System.exit(0); // want "system-exit:low"
                }
            };
            t.start();
        }
    }

    public void exitLambda() {
        if (REMOTE_SYSTEM_EXIT) {
            new Thread(() -> System.exit(1)).start(); // want "system-exit:low"
        }
    }

    public void exitSubmitted() {
        if (REMOTE_SYSTEM_EXIT) {
            executor.submit(() -> {
                pause(10);
                Runtime.getRuntime().halt(2); // want "system-exit:low"
            });
            executor.submit(Remote::halt);
            executor.execute(this::stop);
        }
    }

    public void exitReferenced() {
        executor.execute(this::stopNow);
    }

    public void exitAfterEarlyReturn() {
        if (!REMOTE_SYSTEM_EXIT) {
            return;
        }
        tidy();
        executor.execute(new Runnable() {
            @Override
            public void run() {
                System.exit(3); // want "system-exit:low"
            }
        });
    }

    public void exitViaPrivate() {
        if (REMOTE_SYSTEM_EXIT) {
            startExiter();
        }
    }

    private void startExiter() {
        class Exiter implements Runnable {
            @Override
            public void run() {
                System.exit(10); // want "system-exit:low"
            }
        }
        new Thread(new Exiter()).start();
    }

    private static void halt() {
        Runtime.getRuntime().halt(4); // want "system-exit:low"
    }

    private void stop() {
        tidy();
        System.exit(4); // want "system-exit:low"
    }

    // Look-alikes: a private method handed on outside the switch, an
    // exit made outside the switch, or under one on by default.

    private void stopNow() {
        System.exit(4); // want "system-exit:critical"
    }

    public void unguarded() {
        if (REMOTE_SYSTEM_EXIT) {
            tidy();
        }
        Thread t = new Thread() {
            @Override
            public void run() {
                System.exit(5); // want "system-exit:critical"
            }
        };
        t.start();
        new Thread(() -> System.exit(6)).start(); // want "system-exit:critical"
    }

    public void defaultOn() {
        if (EXIT_ON_ERROR) {
            new Thread(new Runnable() {
                @Override
                public void run() {
                    System.exit(7); // want "system-exit:critical"
                }
            }).start();
            executor.submit(() -> System.exit(8)); // want "system-exit:critical"
        }
    }

    public void insideNotAround() {
        Thread t = new Thread() {
            @Override
            public void run() {
                if (EXIT_ON_ERROR) {
                    System.exit(9); // want "system-exit:critical"
                }
            }
        };
        t.start();
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void tidy() {
    }
}
