package fixtures.state;

import fixtures.state.own.Map;

// A project type named Map is not a JDK map: its put is not a container mutation.
public class LookAlike {
    private static final Map SETTINGS = new Map();

    void use() {
        SETTINGS.put("a", "b");
    }
}
