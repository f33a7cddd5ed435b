package fixtures.module;

import java.io.InputStream;
import java.io.ObjectInputStream;

import com.caucho.hessian.io.SerializerFactory;

public class ModuleCodec {
    Object decode(InputStream in) throws Exception {
        return new ObjectInputStream(in).readObject(); // want "java-serialization-caller-loader:low"
    }

    // Hessian factories are reported in shared code only.
    SerializerFactory factory() {
        return new SerializerFactory();
    }
}
