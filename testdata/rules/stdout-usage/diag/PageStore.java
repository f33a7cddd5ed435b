package demo.diag;

import java.io.Serializable;

// A class of the running code, not a diagnostic one: its output is the
// hazard, whatever interfaces it implements.
public class PageStore implements Serializable {
    private static final long serialVersionUID = 1L;

    public Object read(long id) {
        if (id < 0) {
            System.err.println(id); // want "stdout-usage:hint"
            return null;
        }
        return id;
    }
}
