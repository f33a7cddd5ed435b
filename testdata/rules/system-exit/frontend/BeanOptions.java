package frontend;

// Sets a bean's properties from command-line flags ("-file F", "-noX").
public final class BeanOptions {
    private BeanOptions() {
    }

    public static String[] configure(Object bean, String[] args) {
        for (String arg : args) {
            if (arg.startsWith("-no")) {
                continue;
            }
            if (arg.equals("-")) {
                System.exit(1); // want "system-exit" source:-
            }
        }
        return new String[0];
    }
}
