package demo.cli;

// Library code names Export too: the class is not the launcher's alone,
// so its public method nothing calls may run inside the shared JVM.
public class Exports {
    public Object exporter() {
        return new Export();
    }
}
