// h2 2.1.214 (Debian source), src/main/org/h2/mvstore/type/ObjectDataType.java (MPL 2.0 / EPL 1.0), trimmed. A hazard
// behind a helper: MVStore keeps arbitrary Serializable values and reads them back through this
// static deserialize, a plain ObjectInputStream that resolves with h2's loader; where h2 is shared,
// a module's value classes are not found.
package org.h2.mvstore.type;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;

public class ObjectDataType {
    public static Object deserialize(byte[] data) {
        try {
            ByteArrayInputStream in = new ByteArrayInputStream(data);
            ObjectInputStream is = new ObjectInputStream(in); // want "java-serialization-caller-loader"
            return is.readObject();
        } catch (Throwable e) {
            throw new IllegalArgumentException("Could not deserialize", e);
        }
    }

    Object read(byte[] buff) {
        return deserialize(buff);
    }
}
