package org.hsqldb.test;

public class TestSql extends TestBase {
}
