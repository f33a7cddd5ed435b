package org.hsqldb.test;

import junit.framework.TestCase;

public abstract class TestBase extends TestCase {
}
