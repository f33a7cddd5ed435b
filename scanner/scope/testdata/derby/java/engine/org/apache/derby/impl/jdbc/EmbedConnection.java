package org.apache.derby.impl.jdbc;

public class EmbedConnection {
}
