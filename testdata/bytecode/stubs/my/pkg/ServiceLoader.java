package my.pkg;

public class ServiceLoader {
    public static Object load(Class<?> service, ClassLoader loader) { return null; }
    public static Object loadInstalled(Class<?> service) { return null; }
}
