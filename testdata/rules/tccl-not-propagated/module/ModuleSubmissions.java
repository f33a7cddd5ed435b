package fixtures.module;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

public class ModuleSubmissions {
    private static final ExecutorService MODULE_POOL = Factory.pool();

    void run(Runnable task) {
        // The module owns its static pool.
        MODULE_POOL.execute(task);
        // The common pool is shared with every app.
        CompletableFuture.runAsync(task); // want "tccl-not-propagated:low"
    }
}

class Factory {
    static ExecutorService pool() { return null; }
}
