package org.apache.logging.log4j.perf.jmh;

public class ThreadContextBenchmark {
}
