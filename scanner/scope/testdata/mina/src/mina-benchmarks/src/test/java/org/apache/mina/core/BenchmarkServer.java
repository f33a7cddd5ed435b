package org.apache.mina.core;

public class BenchmarkServer {
}
