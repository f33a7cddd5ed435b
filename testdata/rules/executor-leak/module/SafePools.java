package demo.pools;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.annotation.PreDestroy;
import org.springframework.context.annotation.Bean;
import com.alipay.sofa.koupleless.plugin.manager.handler.ShutdownExecutorServicesOnUninstallEventHandler;

// Pools that are shut down, registered, returned or local: nothing is flagged.
class ShutDownInPreDestroy {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}

class Registered {
    private final ExecutorService pool =
            ShutdownExecutorServicesOnUninstallEventHandler.manageExecutorService(Executors.newFixedThreadPool(4));
    private final ExecutorService later = Executors.newCachedThreadPool();

    Registered() {
        ShutdownExecutorServicesOnUninstallEventHandler.manageExecutorService(later);
    }
}

class BeanConfig {
    @Bean
    public ExecutorService workers() {
        return Executors.newFixedThreadPool(8);
    }
}

class LocalPool {
    void runAll(Runnable r) throws InterruptedException {
        ExecutorService local = Executors.newSingleThreadExecutor();
        try {
            local.execute(r);
        } finally {
            local.shutdown();
        }
    }
}

class HandsOut {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    ExecutorService getPool() {
        return pool;
    }
}

class HelperShutdown {
    private ExecutorService pool = Executors.newWorkStealingPool();

    void stop() {
        Pools2.shutdownQuietly(pool);
    }
}

class Pools2 {
    static void shutdownQuietly(ExecutorService e) {
        e.shutdown();
    }
}

class LookAlike {
    static class ThreadPoolExecutor {
        ThreadPoolExecutor(int n) {
        }
    }

    static class Executors {
        static Object newFixedThreadPool(int n) {
            return null;
        }
    }

    private final ThreadPoolExecutor mine = new ThreadPoolExecutor(1);
    private final Object other = Executors.newFixedThreadPool(1);
}

class IdleThreadsExpire {
    private final ExecutorService cached = Executors.newCachedThreadPool();
    private final java.util.concurrent.ThreadPoolExecutor noCore = new java.util.concurrent.ThreadPoolExecutor(0, 1, 1000L,
            java.util.concurrent.TimeUnit.MILLISECONDS, new java.util.concurrent.LinkedBlockingQueue<Runnable>());
    private final java.util.concurrent.ThreadPoolExecutor timesOut = new java.util.concurrent.ThreadPoolExecutor(2, 2, 1000L,
            java.util.concurrent.TimeUnit.MILLISECONDS, new java.util.concurrent.LinkedBlockingQueue<Runnable>());

    IdleThreadsExpire() {
        timesOut.allowCoreThreadTimeOut(true);
    }
}
