package frontend;

// Library code: an array of names is data, not a command line, whatever
// its entries look like.
public class Batch {
    public void load(String[] names) {
        for (String n : names) {
            if (n.equals("-")) {
                System.exit(2); // want "system-exit"
            }
        }
    }

    // A method named for the command line that reads no flag is the
    // library's API.
    public void process(String[] args) {
        if (args.length == 0) {
            System.exit(3); // want "system-exit"
        }
    }
}
