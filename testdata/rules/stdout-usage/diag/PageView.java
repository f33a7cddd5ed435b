package demo.diag;

// A diagnostic view of a page (it implements the diagnosable interface):
// every routine of it is a dump a person asks for.
public class PageView implements Diagnosable {
    private final Object page;

    public PageView(Object page) {
        this.page = page;
    }

    public String diag() {
        return detail(page);
    }

    public String detail(Object p) {
        try {
            return p.toString();
        } catch (RuntimeException e) {
            System.out.println("Got error from toString().");
            return "?";
        }
    }
}

// What a diagnostic view of another object provides.
interface Diagnosable {
    String diag();
}
