package reach;

// A tool's launcher: it runs the task, and ends the process when the
// task fails through a helper of its own.
public final class Tool {
    public static void main(String[] args) {
        Task task = new Task();
        if (!task.run(args)) {
            Failure.fail("task failed");
        }
    }
}
