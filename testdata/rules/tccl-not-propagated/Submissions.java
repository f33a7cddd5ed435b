package fixtures;

import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class Submissions {
    private static final ExecutorService POOL = Pools.shared();
    private static final ScheduledExecutorService SCHEDULER = Pools.scheduler();
    private static final Timer TIMER = Pools.timer();

    void async(Runnable task) {
        CompletableFuture.runAsync(task); // want "tccl-not-propagated"
        CompletableFuture.supplyAsync(() -> task.toString()); // want "tccl-not-propagated"
    }

    void common(Runnable task) {
        ForkJoinPool.commonPool().execute(task); // want "tccl-not-propagated" bytecode:-
        CompletableFuture.supplyAsync(() -> task.toString(), ForkJoinPool.commonPool()); // want "tccl-not-propagated"
    }

    long parallel(List<String> names) {
        return names.parallelStream().filter(n -> java.util.function.Function.<String>identity().apply(n).isEmpty()).count(); // want "tccl-not-propagated"
    }

    void shared(Runnable task) {
        POOL.execute(task); // want "tccl-not-propagated"
        POOL.submit(() -> task.run()); // want "tccl-not-propagated"
        Submissions.POOL.submit(task); // want "tccl-not-propagated"
        SCHEDULER.schedule(task, 1, TimeUnit.SECONDS); // want "tccl-not-propagated"
        TIMER.schedule(new Tick(), 1000L); // a task that reaches nothing the context loader decides
    }

    static class Tick extends TimerTask {
        @Override
        public void run() {
        }
    }
}

class Pools {
    static ExecutorService shared() { return null; }
    static ScheduledExecutorService scheduler() { return null; }
    static Timer timer() { return null; }
}
