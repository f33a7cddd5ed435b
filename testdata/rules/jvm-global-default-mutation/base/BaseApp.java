package fixtures.globals.base;

import java.util.TimeZone;

public class BaseApp {
    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    void later() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:low"
    }
}
