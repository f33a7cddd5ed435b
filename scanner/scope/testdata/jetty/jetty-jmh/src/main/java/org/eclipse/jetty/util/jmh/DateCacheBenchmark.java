package org.eclipse.jetty.util.jmh;

import org.openjdk.jmh.annotations.Benchmark;

public class DateCacheBenchmark {
    @Benchmark
    public void run() {
    }
}
