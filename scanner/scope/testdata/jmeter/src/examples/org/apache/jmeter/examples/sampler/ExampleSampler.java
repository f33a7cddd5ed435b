package org.apache.jmeter.examples.sampler;

public class ExampleSampler {
}
