package fixtures.singleton;

import java.util.regex.Pattern;

// Singletons that read no configuration, and eager constants: none is flagged.
public class Helpers {
    private static Helpers instance;
    private static Pattern pattern;
    private static final Helpers EAGER = new Helpers();

    public static Helpers getInstance() {
        if (instance == null) {
            instance = new Helpers();
        }
        return instance;
    }

    static Pattern pattern() {
        if (pattern == null) {
            pattern = Pattern.compile("[a-z]+");
        }
        return pattern;
    }

    private static class Holder {
        static final Helpers INSTANCE = new Helpers();
    }

    String name() {
        return String.valueOf(EAGER) + Holder.INSTANCE;
    }
}
