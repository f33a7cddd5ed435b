package fixtures.tl;

import java.lang.ref.SoftReference;
import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;

// Values the JDK's loader defines cannot pin an app's ClassLoader, also
// behind a soft reference or in a JDK parser; a value of the app's own
// type can.
public class JdkValues {
    private static final ThreadLocal<SoftReference<Map<String, SimpleDateFormat>>> FORMATS = new ThreadLocal<>();
    private static final ThreadLocal<DocumentBuilder> BUILDERS = new ThreadLocal<>();
    private static final ThreadLocal<SoftReference<Handler>> HANDLERS = new ThreadLocal<>();

    static SimpleDateFormat format(String pattern) {
        SoftReference<Map<String, SimpleDateFormat>> ref = FORMATS.get();
        Map<String, SimpleDateFormat> formats = ref == null ? null : ref.get();
        if (formats == null) {
            formats = new HashMap<>();
            FORMATS.set(new SoftReference<>(formats));
        }
        return formats.computeIfAbsent(pattern, SimpleDateFormat::new);
    }

    static void builder(DocumentBuilder b) {
        BUILDERS.set(b);
    }

    static void handler(Handler h) {
        HANDLERS.set(new SoftReference<>(h)); // want "threadlocal-leak" bytecode:-
    }

    interface Handler {
    }
}

// A project type named like a JDK one is the project's.
class OwnTransformer {
    interface Transformer {
    }

    private static final ThreadLocal<Transformer> CURRENT = new ThreadLocal<>();

    static void use(Transformer t) {
        CURRENT.set(t); // want "threadlocal-leak"
    }
}
