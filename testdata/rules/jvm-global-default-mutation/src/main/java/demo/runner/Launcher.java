package demo.runner;

// A command line that does nothing a rule looks for: it starts its tool by
// name, through reflection, as launchers do.
public final class Launcher {
    public static void main(String[] args) throws Exception {
        Class<?> tool = Class.forName("demo.runner.Runner");
        Object instance = tool.getDeclaredConstructor().newInstance();
        tool.getMethod("start", String[].class).invoke(instance, new Object[] {args});
    }
}
