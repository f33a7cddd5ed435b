package fixtures.base;

import java.io.InputStream;
import java.io.ObjectInputStream;

public class BaseCodec {
    Object decode(InputStream in) throws Exception {
        return new ObjectInputStream(in).readObject(); // want "java-serialization-caller-loader:medium"
    }
}
