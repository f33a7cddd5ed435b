package demo.pools;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

public class Pools {
    private final ExecutorService pool = Executors.newFixedThreadPool(4); // want "executor-leak:medium" bytecode:-
    private final ThreadPoolExecutor tpe = new ThreadPoolExecutor(1, 2, 60L, TimeUnit.SECONDS, new LinkedBlockingQueue<Runnable>()); // want "executor-leak:medium" bytecode:-
    private ScheduledExecutorService ticker;
    private ForkJoinPool fork;
    private final ExecutorService stealing = Executors.newWorkStealingPool(); // a ForkJoinPool: idle workers end

    public Pools() {
        ticker = Executors.newSingleThreadScheduledExecutor(); // want "executor-leak:medium" bytecode:-
        this.fork = new ForkJoinPool(2); // idle workers end: nothing stays pinned
    }
}
