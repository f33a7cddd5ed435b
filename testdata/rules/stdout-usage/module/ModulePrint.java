package demo.mod;

public class ModulePrint {
    void log(Exception e) {
        System.err.println("module failed"); // want "stdout-usage:low"
        e.printStackTrace(); // the same method: related to the first
    }
}
