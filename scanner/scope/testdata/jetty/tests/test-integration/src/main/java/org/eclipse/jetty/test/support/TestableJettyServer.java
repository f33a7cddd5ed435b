package org.eclipse.jetty.test.support;

public class TestableJettyServer {
}
