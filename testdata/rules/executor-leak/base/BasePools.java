package demo.base;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// The base lives as long as the JVM.
public class BasePools {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
}
