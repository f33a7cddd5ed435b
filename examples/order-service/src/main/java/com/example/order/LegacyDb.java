package com.example.order;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Old-style JDBC access kept from the monolith. */
public class LegacyDb {
    private final String url;

    public LegacyDb(String url) {
        this.url = url;
    }

    public Connection open() throws SQLException {
        try {
            Class.forName("com.mysql.cj.jdbc.Driver");
        } catch (ClassNotFoundException e) {
            System.err.println("MySQL driver missing, exiting");
            System.exit(1);
        }
        return DriverManager.getConnection(url);
    }
}
