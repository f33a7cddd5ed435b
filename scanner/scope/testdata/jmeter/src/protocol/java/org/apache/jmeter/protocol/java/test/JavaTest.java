package org.apache.jmeter.protocol.java.test;

import org.apache.jmeter.protocol.java.sampler.AbstractJavaSamplerClient;

public class JavaTest extends AbstractJavaSamplerClient {
}
