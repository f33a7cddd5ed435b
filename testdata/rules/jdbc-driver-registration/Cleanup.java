package fixtures.jdbc;

import java.sql.Driver;
import java.sql.DriverManager;
import java.util.Collections;

// Registers and deregisters its drivers: not flagged.
public class Cleanup {
    void start(Driver d) throws Exception {
        DriverManager.registerDriver(d);
    }

    void close() throws Exception {
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            DriverManager.deregisterDriver(d);
        }
    }
}
