package fixtures;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

import com.alipay.sofa.koupleless.adapter.thread.BizRunnable;
import com.alipay.sofa.koupleless.plugin.concurrent.KouplelessExecutorService;
import com.alipay.sofa.koupleless.plugin.concurrent.KouplelessRunnable;

// Safe look-alikes: none of these lines may be flagged.
public class LookAlike {
    private static final ExecutorService WRAPPED = new KouplelessExecutorService(Pools.shared());
    private static final ExecutorService POOL = Pools.shared();
    private final ExecutorService own = Pools.shared();

    void wrapped(Runnable task) {
        POOL.execute(KouplelessRunnable.wrap(task));
        POOL.submit(new BizRunnable(task));
        CompletableFuture.runAsync(KouplelessRunnable.wrap(task));
        ForkJoinPool.commonPool().execute(KouplelessRunnable.wrap(task));
        WRAPPED.execute(task);
    }

    // The task switches the context loader itself.
    void switches(Runnable task) {
        final ClassLoader submitter = Thread.currentThread().getContextClassLoader();
        POOL.execute(() -> { // want "tccl-not-propagated" source:-
            Thread t = Thread.currentThread();
            ClassLoader old = t.getContextClassLoader();
            t.setContextClassLoader(submitter);
            try {
                task.run();
            } finally {
                t.setContextClassLoader(old);
            }
        });
    }

    // With an explicit executor; instance fields, parameters and locals:
    // ownership unknown here.
    void owned(Runnable task, Executor executor, List<String> names) {
        CompletableFuture.runAsync(task, executor);
        own.execute(task);
        executor.execute(task);
        ExecutorService local = Pools.shared();
        local.submit(task);
        names.stream().count();
    }

    // A parameter shadows the static field.
    void shadow(ExecutorService POOL, Runnable task) {
        POOL.execute(task);
    }

    int parallelism() {
        return ForkJoinPool.commonPool().getParallelism();
    }
}

// A user class named like the JDK one.
class CompletableFutureLike {
    static void runAsync(Runnable r) { r.run(); }
    void use() { runAsync(() -> { }); }
}
