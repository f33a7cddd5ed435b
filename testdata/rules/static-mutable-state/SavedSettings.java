package fixtures.state;

import java.util.Locale;
import java.util.TimeZone;

// A setting the library's only callers set to the JVM's own default and
// then put back to what its getter returned before: no app chooses the
// value. A caller that passes on a value it was handed, or puts back
// something other than the getter's value, lets an app choose it.
public class SavedSettings {
    private static final Object lock = new Object();
    private static Locale locale = Locale.getDefault(); // want "static-mutable-state" source:-
    private static TimeZone zone = TimeZone.getDefault(); // want "static-mutable-state" source:-
    private static Locale chosen = Locale.getDefault(); // want "static-mutable-state"
    private static Locale other = Locale.getDefault(); // want "static-mutable-state"

    public static Locale getLocale() {
        synchronized (lock) {
            return locale;
        }
    }

    public static void setLocale(Locale l) {
        synchronized (lock) {
            if (l == null) {
                throw new IllegalArgumentException("null locale");
            }
            locale = l;
        }
    }

    public static void setZone(TimeZone z) {
        zone = z;
    }

    public static Locale getChosen() {
        return chosen;
    }

    public static void setChosen(Locale l) {
        chosen = l;
    }

    public static Locale getOther() {
        return other;
    }

    public static void setOther(Locale l) {
        other = l;
    }

    static String label(String key) {
        return key + "@" + locale + zone + chosen + other;
    }

    // Saved, set to the JVM's default, put back.
    static String defaultLabel(String key) {
        Locale saved;
        synchronized (SavedSettings.class) {
            saved = SavedSettings.getLocale();
            SavedSettings.setLocale(Locale.getDefault());
            String s = label(key);
            SavedSettings.setLocale(saved);
            return s;
        }
    }

    static void resetZone() {
        setZone(TimeZone.getDefault());
    }

    // Saved and put back, but set in between to what the caller hands in.
    public static String labelIn(String key, Locale l) {
        Locale saved = getChosen();
        setChosen(l);
        try {
            return label(key);
        } finally {
            setChosen(saved);
        }
    }

    // Put back from somewhere other than the field's getter.
    static String otherLabel(String key) {
        Locale saved = getLocale();
        setOther(Locale.getDefault());
        String s = label(key);
        setOther(saved);
        return s;
    }
}
