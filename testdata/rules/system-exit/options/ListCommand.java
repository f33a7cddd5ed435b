package options;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;

// A command JCommander fills from the command line and the launcher runs:
// its run() is the command, not an API.
@Parameters(commandDescription = "list the entries")
public class ListCommand implements Runnable {
    @Parameter(names = "--limit")
    private int limit = 10;

    @Override
    public void run() {
        if (limit < 0) {
            System.exit(6);
        }
    }
}
