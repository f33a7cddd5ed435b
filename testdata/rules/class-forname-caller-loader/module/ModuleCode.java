package fixtures.forname.module;

// In a module the module's own loader sees the module and the base: low.
public class ModuleCode {
    Class<?> byName(String name) throws Exception {
        return Class.forName(name); // want "class-forname-caller-loader:low"
    }

    Class<?> probe() throws Exception {
        return Class.forName("org.slf4j.Logger"); // want "class-forname-caller-loader:info"
    }
}
