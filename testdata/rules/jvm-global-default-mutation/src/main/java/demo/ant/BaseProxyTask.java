package demo.ant;

import org.apache.tools.ant.Task;

// The project's own base of its Ant tasks: Ant creates a task and calls
// its execute, in the build's process.
public abstract class BaseProxyTask extends Task {
    public void execute() {
        install();
    }

    protected abstract void install();
}
