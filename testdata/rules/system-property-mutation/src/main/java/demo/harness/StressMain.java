package demo.harness;

// A multi-threaded test harness shipped in the production tree: its main
// starts worker threads that run the test cases. What only it reaches runs
// in the harness's own process.
public final class StressMain {
    public static void main(String[] args) throws Exception {
        Harness harness = new Harness(args);
        harness.runAll();
    }
}
