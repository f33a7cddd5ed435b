package demo.harness;

import java.util.Properties;

public class CaseRunner {
    private final TestCase current;
    private final String name;

    public CaseRunner(String name) {
        this.name = name;
        this.current = new PropertyCase(name);
    }

    public void runCase() {
        Properties p = new Properties(System.getProperties());
        p.setProperty("case.name", name);
        System.setProperties(p);
        current.setUp();
    }

    // Nothing in the project calls it: library callers may, inside the
    // shared JVM.
    public void configure(String mode) {
        System.setProperty("case.mode", mode); // want "system-property-mutation:high"
    }
}
