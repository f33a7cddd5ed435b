package demo.any;

// No build file says where this runs: the rule's default severity applies.
public class Unknown {
    public void begin() {
        Thread t = new Thread(this::loop);
        t.setDaemon(true);
        t.start(); // want "thread-leak:low" bytecode:-
    }

    private void loop() {
        for (;;) {
            Thread.yield();
        }
    }
}
