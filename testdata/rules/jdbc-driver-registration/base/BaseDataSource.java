package fixtures.jdbc.base;

import java.sql.Driver;
import java.sql.DriverManager;

// The base owns drivers: not reported there.
public class BaseDataSource {
    void register(Driver d) throws Exception {
        DriverManager.registerDriver(d);
    }
}
