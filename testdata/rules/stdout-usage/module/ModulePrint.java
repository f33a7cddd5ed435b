package demo.mod;

public class ModulePrint {
    void log(Exception e) {
        System.err.println("module failed"); // want "stdout-usage:low"
        e.printStackTrace(); // want "stdout-usage:low" bytecode:-
    }
}
