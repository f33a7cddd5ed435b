package demo.diag;

// A class made for diagnostics: its routines are called by hand (from a
// debugger or an interactive session) to print what a page holds, not by
// the running code.
public class PageDiagnostics {
    public static String diag_page(Object page) {
        System.out.println(page);
        return String.valueOf(page);
    }

    public static long diag_lookup(Object store, long id) {
        try {
            return Long.parseLong(String.valueOf(store));
        } catch (NumberFormatException e) {
            e.printStackTrace();
            return id;
        }
    }
}
