package fixtures.exit.base;

public class BaseMain {
    void stop() {
        System.exit(0); // want "system-exit:info"
    }
}
