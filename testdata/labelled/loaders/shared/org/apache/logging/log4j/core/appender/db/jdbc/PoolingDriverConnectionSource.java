// log4j 2.19.0, log4j-jdbc-dbcp2/src/main/java/org/apache/logging/log4j/core/appender/db/jdbc/PoolingDriverConnectionSource.java (Apache-2.0).
// Safe look-alike: the subclass hands the inherited loadDriver a final
// field holding the name of DBCP's pooling driver, which this adapter
// ships beside.
package org.apache.logging.log4j.core.appender.db.jdbc;

import java.sql.SQLException;

public class PoolingDriverConnectionSource extends AbstractDriverManagerConnectionSource {
    private final String poolingDriverClassName = "org.apache.commons.dbcp2.PoolingDriver";

    public PoolingDriverConnectionSource(final String driverClassName) {
        super(driverClassName);
    }

    void setupDriver() throws SQLException {
        loadDriver(poolingDriverClassName);
    }
}
