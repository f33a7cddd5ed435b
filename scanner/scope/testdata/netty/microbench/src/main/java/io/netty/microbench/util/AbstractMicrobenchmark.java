package io.netty.microbench.util;

import org.openjdk.jmh.annotations.Fork;

public abstract class AbstractMicrobenchmark {
}
