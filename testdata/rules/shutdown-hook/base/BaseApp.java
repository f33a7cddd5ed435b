package fixtures.hooks.base;

public class BaseApp {
    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { }));
    }

    void later() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { })); // want "shutdown-hook:info"
    }
}
