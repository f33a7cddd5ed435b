package fixtures;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;

import com.caucho.hessian.io.SerializerFactory;

public class Codec {
    Object decode(byte[] bytes) throws Exception {
        return new ObjectInputStream(new ByteArrayInputStream(bytes)).readObject(); // want "java-serialization-caller-loader"
    }

    Object decodeLocal(InputStream in) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in); // want "java-serialization-caller-loader"
        try {
            return ois.readObject();
        } finally {
            ois.close();
        }
    }

    Object decodeResource(InputStream in) throws Exception {
        try (ObjectInputStream ois = new ObjectInputStream(in)) { // want "java-serialization-caller-loader"
            return ois.readUnshared();
        }
    }

    SerializerFactory factory() {
        return new SerializerFactory(); // takes the thread context loader itself
    }
}
