package demo.harness;

public interface TestCase {
    void setUp();
}
