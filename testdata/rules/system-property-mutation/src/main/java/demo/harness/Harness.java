package demo.harness;

import java.util.ArrayList;
import java.util.List;

public class Harness {
    private final List<Thread> threads = new ArrayList<>();
    private final CaseRunner runner;

    public Harness(String[] args) {
        runner = new CaseRunner(args[0]);
    }

    public void runAll() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(new Worker(runner));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
