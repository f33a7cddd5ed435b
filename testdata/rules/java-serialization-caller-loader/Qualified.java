package fixtures;

import java.io.InputStream;
import java.io.Serializable;

// The stream's class named in full, with no import: still a plain stream.
// A class that only declares the serialization hooks creates none.
public class Qualified implements Serializable {
    Object decode(InputStream in) throws Exception {
        return new java.io.ObjectInputStream(in).readObject(); // want "java-serialization-caller-loader"
    }

    private void readObject(java.io.ObjectInputStream in) throws Exception {
        in.defaultReadObject();
    }
}
