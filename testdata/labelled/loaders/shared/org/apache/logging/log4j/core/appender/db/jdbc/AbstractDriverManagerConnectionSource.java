// log4j 2.19.0, log4j-core/src/main/java/org/apache/logging/log4j/core/appender/db/jdbc/AbstractDriverManagerConnectionSource.java (Apache-2.0).
// Hazard behind a helper: loadDriver(className) loads the driver class
// it is handed with the caller's loader, and loadDriver() hands it the
// driverClassName of the appender's configuration: a module's JDBC
// driver is not found by log4j in the base.
package org.apache.logging.log4j.core.appender.db.jdbc;

import java.sql.SQLException;

public class AbstractDriverManagerConnectionSource {
    private final String driverClassName;

    public AbstractDriverManagerConnectionSource(final String driverClassName) {
        this.driverClassName = driverClassName;
    }

    protected void loadDriver() throws SQLException {
        loadDriver(driverClassName);
    }

    protected void loadDriver(final String className) throws SQLException {
        if (className != null) {
            try {
                Class.forName(className); // want "class-forname-caller-loader"
            } catch (final Exception e) {
                throw new SQLException(e);
            }
        }
    }
}
