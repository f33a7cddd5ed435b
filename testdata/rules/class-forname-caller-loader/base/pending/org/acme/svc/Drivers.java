package org.acme.svc;

// A base class's driver loader called by its subclasses: one hands in a
// final field holding the library's own driver (PoolingSource), one a
// configured name.
abstract class DriverBase {
    protected void loadDriver(String className) throws Exception {
        Class.forName(className); // want "class-forname-caller-loader"
    }
}

class ConfiguredSource extends DriverBase {
    private String driver;

    void setDriver(String driver) {
        this.driver = driver;
    }

    void start() throws Exception {
        loadDriver(driver); // want "class-forname-caller-loader" bytecode:-
    }
}
