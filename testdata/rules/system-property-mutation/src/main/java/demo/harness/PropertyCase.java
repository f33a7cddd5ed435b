package demo.harness;

// Called through its interface (TestCase.setUp): no call names the class.
public class PropertyCase implements TestCase {
    private final String mode;

    public PropertyCase(String mode) {
        this.mode = mode;
    }

    public void setUp() {
        System.setProperty("case.mode", mode);
    }
}
