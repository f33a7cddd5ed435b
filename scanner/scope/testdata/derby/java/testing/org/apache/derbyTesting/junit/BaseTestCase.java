package org.apache.derbyTesting.junit;

import junit.framework.TestCase;

public abstract class BaseTestCase extends TestCase {
}
