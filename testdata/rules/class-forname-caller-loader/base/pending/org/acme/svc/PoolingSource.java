package org.acme.svc;

// A subclass handing its base's driver loader a final field that holds
// the library's own driver.
class PoolingSource extends DriverBase {
    private final String poolingDriver = "org.acme.svc.pool.PoolingDriver";

    void start() throws Exception {
        loadDriver(poolingDriver);
    }
}
