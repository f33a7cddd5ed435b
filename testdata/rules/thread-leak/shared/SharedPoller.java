package demo.shared;

// Shared libraries are loaded by the base: not a module leak.
public class SharedPoller {
    public void begin() {
        new Thread(this::loop, "shared-poller").start();
    }

    private void loop() {
    }
}
