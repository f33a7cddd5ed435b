package org.hsqldb.test.odbc;

public class TestOdbcBase {
}
