package org.apache.jmeter.engine;

public class StandardJMeterEngine {
}
