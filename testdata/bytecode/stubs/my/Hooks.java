package my;

public interface Hooks {
    void addShutdownHook(Thread hook);
    void registerShutdownHook();
}
