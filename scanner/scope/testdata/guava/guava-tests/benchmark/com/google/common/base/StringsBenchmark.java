package com.google.common.base;

import com.google.caliper.Benchmark;

public class StringsBenchmark {
}
