package fixtures.props;

import java.util.Properties;
import static java.lang.System.setProperty;

public class Props {
    void writes(String appId) throws Exception {
        System.setProperty("app.id", appId); // want "system-property-mutation:high"
        System.clearProperty("apollo.meta"); // want "system-property-mutation"
        System.setProperties(new Properties()); // want "system-property-mutation"
        System.getProperties().put("apollo.cluster", "default"); // want "system-property-mutation"
        System.getProperties().setProperty("k", "v"); // want "system-property-mutation"
        System.getProperties().remove("k"); // want "system-property-mutation"
        System.getProperties().load(getClass().getResourceAsStream("/app.properties")); // want "system-property-mutation"
        setProperty("static.import", "x"); // want "system-property-mutation"
        java.lang.System.setProperty("qualified", "x"); // want "system-property-mutation"
    }

    String reads() {
        String a = System.getProperty("app.id"); // want "system-property-mutation:medium"
        String name = System.getProperty("spring.application.name"); // want "system-property-mutation:info"
        String profile = Boolean.getBoolean("spring.profiles.active") ? "x" : "y"; // want "system-property-mutation:info"
        return a + name + profile;
    }

    // Safe look-alikes.

    String standardReads(String key) {
        String home = System.getProperty("user.home");
        String sep = System.getProperty("line.separator");
        String v = System.getProperty("java.version");
        String os = System.getProperty("os.name", "linux");
        String dynamic = System.getProperty(key);
        return home + sep + v + os + dynamic;
    }

    String librarySwitches() {
        // A library's own switches are JVM-wide by design.
        Integer n = Integer.getInteger("pool.size", 4);
        boolean b = Boolean.getBoolean("org.acme.cache.DISABLED");
        String s = System.getProperty("org.apache.el.BeanELResolver.CACHE_SIZE", "1000");
        return n + s + b;
    }

    void ownProperties(Properties p) {
        p.setProperty("a", "b");
        p.put("c", "d");
        Properties copy = new Properties();
        copy.setProperty("x", "y");
    }

    String env() {
        return System.getenv("APP_ID");
    }
}
