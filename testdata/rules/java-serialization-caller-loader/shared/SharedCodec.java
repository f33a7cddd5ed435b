package fixtures.shared;

import java.io.InputStream;
import java.io.ObjectInputStream;

public class SharedCodec {
    private final com.alibaba.com.caucho.hessian.io.SerializerFactory factory =
            new com.alibaba.com.caucho.hessian.io.SerializerFactory(); // the thread context loader, taken by Hessian itself

    Object decode(InputStream in) throws Exception {
        return new ObjectInputStream(in).readObject(); // want "java-serialization-caller-loader:high"
    }
}
