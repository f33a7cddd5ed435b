package fixtures.base;

import java.util.concurrent.ExecutorService;

public class BaseSubmissions {
    static final ExecutorService LISTENERS = Factory.pool();

    public void publish(Runnable listener) {
        LISTENERS.execute(listener); // want "tccl-not-propagated:medium"
    }
}

class Factory {
    static ExecutorService pool() { return null; }
}
