package demo.runner;

// Library code names Runner too: the class is not the launcher's alone,
// so its public method nothing calls may run inside the shared JVM.
public class Embedding {
    public Runner runner() {
        return new Runner();
    }
}
