package com.alipay.sofa.koupleless.plugin.concurrent;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

public class KouplelessExecutorService extends AbstractExecutorService {
    public KouplelessExecutorService(ExecutorService delegate) { }
    public void shutdown() { }
    public List<Runnable> shutdownNow() { return Collections.emptyList(); }
    public boolean isShutdown() { return false; }
    public boolean isTerminated() { return false; }
    public boolean awaitTermination(long timeout, TimeUnit unit) { return false; }
    public void execute(Runnable command) { }
}
