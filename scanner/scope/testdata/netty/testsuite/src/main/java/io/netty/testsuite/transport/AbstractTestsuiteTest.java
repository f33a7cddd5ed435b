package io.netty.testsuite.transport;

public class AbstractTestsuiteTest {
}
