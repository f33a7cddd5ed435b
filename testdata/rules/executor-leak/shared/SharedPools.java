package demo.shared;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Shared library code is loaded by the base.
public class SharedPools {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
}
