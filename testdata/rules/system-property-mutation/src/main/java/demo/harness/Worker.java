package demo.harness;

// A thread's task: its run is called by the thread, through Runnable.
public class Worker implements Runnable {
    private final CaseRunner runner;

    public Worker(CaseRunner runner) {
        this.runner = runner;
    }

    public void run() {
        runner.runCase();
    }
}
