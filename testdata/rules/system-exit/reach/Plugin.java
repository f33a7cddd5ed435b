package reach;

// Runs the task from a host that is not a command line.
public class Plugin {
    public void execute() {
        new Task().run(new String[0]);
    }
}
