package fixtures.tccl;

import java.net.URL;
import java.net.URLClassLoader;

/** A file indented with tabs (Hibernate's style): the wrapped code moves one tab in. */
public class Tabs {
	private final ClassLoader isolated = new URLClassLoader(new URL[0], null);

	public Object build(String name) throws Exception {
		Thread.currentThread().setContextClassLoader(isolated); // want "tccl-not-restored"
		Class<?> type = isolated.loadClass(name);
		if (type.isInterface()) {
			throw new IllegalArgumentException(name);
		}

		return type.getDeclaredConstructor().newInstance();
	}
}
