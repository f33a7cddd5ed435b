package fixtures.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

// The library's own loader one call away, through a helper: reported at
// the lookup, with the helper as a related location.
public class ViaHelper {
    public interface Codec {
    }

    static ClassLoader libraryLoader() {
        return ViaHelper.class.getClassLoader();
    }

    static List<Codec> ownOnly() {
        List<Codec> found = new ArrayList<>();
        for (Codec c : ServiceLoader.load(Codec.class, libraryLoader())) { // want "serviceloader-default-loader" bytecode:-
            found.add(c);
        }
        return found;
    }
}
