package fixtures;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

import com.caucho.hessian.io.SerializerFactory;

// Safe look-alikes: none of these lines may be flagged.
public class LookAlike {
    // An anonymous subclass resolving through a chosen loader.
    Object decode(InputStream in, final ClassLoader cl) throws Exception {
        return new ObjectInputStream(in) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, cl);
            }
        }.readObject();
    }

    // A named subclass overriding resolveClass.
    Object decodeWith(InputStream in, ClassLoader cl) throws Exception {
        ObjectInputStream ois = new LoaderObjectInputStream(in, cl);
        return ois.readObject();
    }

    // Created here, read elsewhere: not visible.
    ObjectInputStream open(InputStream in) throws IOException {
        return new ObjectInputStream(in);
    }

    SerializerFactory factory() {
        return new SerializerFactory(Thread.currentThread().getContextClassLoader());
    }
}

class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader cl;

    LoaderObjectInputStream(InputStream in, ClassLoader cl) throws IOException {
        super(in);
        this.cl = cl;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        return Class.forName(desc.getName(), false, cl);
    }
}
