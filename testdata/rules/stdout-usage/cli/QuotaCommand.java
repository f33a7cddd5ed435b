package demo.shell.cli;

// A command of a command-line client: its output is the terminal's.
public class QuotaCommand {
    void check(long count, long limit) {
        if (count > limit) {
            System.out.println("[Warning]: quota below current count " + count);
        }
    }
}
