package demo.base;

// Base code is never uninstalled: a thread it starts lives with the JVM.
public class BasePoller {
    public void begin() {
        new Thread(this::loop, "base-poller").start();
    }

    private void loop() {
    }
}
