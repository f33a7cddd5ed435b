package org.apache.tomcat.jdbc.pool;

public class ConnectionPool {
}
