package demo.launch;

// A launcher sets a property in its main and reads it back: the value is
// its own process's, the read pairs with a write only main makes.
public final class Starter {
    public static void main(String[] args) {
        System.setProperty("starter.home", args[0]); // want "system-property-mutation" source:-
        System.out.println(home());
    }

    public static String home() {
        return System.getProperty("starter.home"); // want "system-property-mutation" source:-
    }
}
