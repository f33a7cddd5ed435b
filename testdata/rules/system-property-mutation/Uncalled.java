package fixtures.props;

// A private method nothing in its class calls never runs; one called
// through a method reference or by its name does.
public class Uncalled {
    private void unused() {
        System.setProperty("app.mode", "batch"); // want "system-property-mutation" source:-
    }

    private void byReference() {
        System.setProperty("app.mode", "ref"); // want "system-property-mutation"
    }

    private void byName() {
        System.setProperty("app.mode", "name"); // want "system-property-mutation"
    }

    public Runnable task() {
        return this::byReference;
    }

    public Object reflective() throws Exception {
        return getClass().getDeclaredMethod("byName").invoke(this);
    }
}
