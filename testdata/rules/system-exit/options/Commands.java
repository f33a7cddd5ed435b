package options;

import java.util.Arrays;
import java.util.List;

// The commands a help screen lists: a mention of each outside the
// launcher.
public final class Commands {
    public static final List<Class<?>> ALL = Arrays.<Class<?>>asList(ListCommand.class);

    private Commands() {
    }
}
