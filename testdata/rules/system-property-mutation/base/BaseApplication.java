package fixtures.props.base;

public class BaseApplication {
    static {
        System.setProperty("logback.ContextSelector", "JNDI");
    }

    public static void main(String[] args) {
        System.setProperty("spring.jmx.default-domain", "base");
        run(args);
    }

    static void run(String[] args) {
    }

    void later(String v) {
        System.setProperty("app.id", v); // want "system-property-mutation:medium"
    }
}
