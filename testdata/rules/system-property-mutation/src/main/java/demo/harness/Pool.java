package demo.harness;

// Library code hands tasks to threads too: what those tasks run is not
// the harness's alone.
public class Pool {
    public void submit(String mode) {
        new Thread(new ModeTask(mode)).start();
    }
}

class ModeTask implements Runnable {
    private final String mode;

    ModeTask(String mode) {
        this.mode = mode;
    }

    public void run() {
        System.setProperty("pool.mode", mode); // want "system-property-mutation:high"
    }
}
