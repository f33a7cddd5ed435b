package frontend;

// The command line's front end, for every aligner: it reads the flags
// itself, with no option parser, and exits on a bad one; so does what
// only it reaches.
public abstract class AbstractProcessor implements UserArgumentProcessor {
    private String file;

    public void process(String[] argv) {
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].equalsIgnoreCase("-h") || argv[i].equalsIgnoreCase("--help")) {
                System.out.println("usage: align -file F");
                return;
            }
        }
        String[] rest = BeanOptions.configure(this, argv);
        if (rest.length > 0) {
            System.exit(1);
        }
        if (file == null) {
            System.err.println("insufficient arguments");
            System.exit(1);
        }
        runPairwise();
    }

    public void setFile(String file) {
        this.file = file;
    }

    private void runPairwise() {
        if (!new java.io.File(file).canRead()) {
            System.exit(1);
        }
    }
}
