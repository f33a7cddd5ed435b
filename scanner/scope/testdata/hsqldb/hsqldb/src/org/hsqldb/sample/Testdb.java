package org.hsqldb.sample;

public class Testdb {
}
