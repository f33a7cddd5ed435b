package fixtures.forname.shared;

// Code declared shared: every module runs it, so a configured name with
// the library's own default keeps the rule's level there.
public class SharedDefault {
    private String contextClass = "fixtures.forname.shared.StandardContext";

    public void setContextClass(String contextClass) {
        this.contextClass = contextClass;
    }

    Class<?> context() throws ClassNotFoundException {
        return Class.forName(contextClass); // want "class-forname-caller-loader:high"
    }

    Class<?> formatter() throws ClassNotFoundException {
        return Class.forName(System.getProperty("x.formatter", "java.util.logging.SimpleFormatter")); // want "class-forname-caller-loader:high"
    }
}
