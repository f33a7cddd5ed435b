package fixtures.stdout;

// Output in a branch taken only in an interactive session of the
// library's own console is for the user at the terminal.
public class Interactive {
    private boolean interactive;

    void prompt(String text) {
        if (interactive) {
            System.out.print(text + "> "); // want "stdout-usage" source:-
        }
    }

    void report(String text) {
        if (!interactive) {
            System.out.println(text); // want "stdout-usage"
        }
    }
}
