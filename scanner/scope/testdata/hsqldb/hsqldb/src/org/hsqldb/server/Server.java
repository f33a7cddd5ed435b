package org.hsqldb.server;

public class Server {
}
