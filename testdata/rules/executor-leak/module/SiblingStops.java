package demo.pools;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

// A sibling stop method that ends the pool (whatever it calls on it), or a
// stop through an alias of the field: nothing is flagged. A stop method that
// leaves the pool alone does not count.
class StoppedByHelper {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    public void stopWorkers() {
        Pools2.awaitQuietly(pool);
    }
}

class StoppedThroughAlias {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ScheduledExecutorService current;

    void init() {
        current = scheduler;
    }

    void halt() {
        current.shutdownNow();
    }
}

class StopLeavesPoolAlone {
    private final ExecutorService pool = Executors.newFixedThreadPool(2); // want "executor-leak:medium" bytecode:-
    private boolean running;

    public void stopAccepting() {
        running = false;
    }
}

class Pools2 {
    static void awaitQuietly(ExecutorService e) {
        e.shutdown();
    }
}

// The pool's shutdown handed as a method reference to the owner's
// lifecycle (a disposable registry run when the context closes) is its
// stop; a reference to another method of the pool is not.
class StoppedByReference {
    private static volatile ScheduledExecutorService executor;

    void init(java.util.function.Consumer<Runnable> onClose) {
        executor = Executors.newSingleThreadScheduledExecutor();
        onClose.accept(executor::shutdown);
    }
}

class ReferenceToSubmit {
    private final ExecutorService pool = Executors.newFixedThreadPool(2); // want "executor-leak:medium" bytecode:-

    java.util.function.Function<Runnable, java.util.concurrent.Future<?>> submitter() {
        return pool::submit;
    }
}
