// spring 4.3.30, spring-core/src/main/java/org/springframework/util/SerializationUtils.java
// (Apache-2.0), trimmed. Hazard for java-serialization-caller-loader: a
// helper every caller hands its bytes to; the plain ObjectInputStream
// resolves the app's classes with spring-core's loader, so a module's
// session or cache objects fail to deserialize when spring-core is the
// base's.
package org.springframework.util;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;

public abstract class SerializationUtils {

	public static Object deserialize(byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		try {
			ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(bytes)); // want "java-serialization-caller-loader"
			return ois.readObject();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Failed to deserialize object", ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Failed to deserialize object type", ex);
		}
	}
}
