package options;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

// The base of a tool's modes: each mode reads its command line through
// Commons CLI, and a bad one ends the process. A method that takes the
// command line (a String[] named for it) or the parser's own types is a
// main by another name: only a launcher has a command line to hand it.
public abstract class Mode {
    protected abstract Options options();

    public abstract Mode configure(String[] args);

    public abstract void execute();

    protected CommandLine parse(String[] args) {
        try {
            return new DefaultParser().parse(options(), args);
        } catch (ParseException e) {
            usage(e.getMessage());
            return null;
        }
    }

    private void usage(String why) {
        System.err.println(why);
        System.exit(1); // want "system-exit" source:-
    }

    protected static int threads(CommandLine line) {
        if (!line.hasOption("threads")) {
            System.exit(2); // want "system-exit" source:-
        }
        return Integer.parseInt(line.getOptionValue("threads"));
    }

    // A check beside them that takes no command line: the library's.
    public static void requirePositive(int n) {
        if (n <= 0) {
            System.exit(3); // want "system-exit"
        }
    }

    // A String[] that is data, not the command line.
    public static void requireNames(String[] names) {
        if (names.length == 0) {
            System.exit(4); // want "system-exit"
        }
    }
}
