package fixtures;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Random;

// Streams of the library's own serialised state: what is read is cast to
// a JDK value type or to a class the library declares, which its own
// loader resolves. A cast to Object, Serializable, a container or Class
// reads whatever the stream names.
public class OwnState {
    static final class State implements Serializable {
        long seed;
        String name;
    }

    // A random generator's saved state.
    Random restoreRandom(byte[] saved) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved));
        return (Random) in.readObject();
    }

    // The library's own state object and JDK values.
    State restoreState(InputStream raw) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(raw);
        State s = (State) in.readObject();
        s.name = (String) in.readObject();
        long[] marks = (long[]) in.readObject();
        s.seed = marks.length;
        return s;
    }

    // App objects: the hazard.
    Object anything(InputStream raw) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(raw); // want "java-serialization-caller-loader"
        return (Object) in.readObject();
    }

    Serializable value(InputStream raw) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(raw); // want "java-serialization-caller-loader"
        return (Serializable) in.readObject();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> attributes(InputStream raw) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(raw); // want "java-serialization-caller-loader"
        return (Map<String, Object>) in.readObject();
    }

    List<?> items(InputStream raw) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(raw); // want "java-serialization-caller-loader"
        return (List<?>) in.readObject();
    }

    Class<?> type(InputStream raw) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(raw); // want "java-serialization-caller-loader"
        return (Class<?>) in.readObject();
    }

    // One read cast to a JDK type, the next one not cast at all.
    Object mixed(InputStream raw) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(raw); // want "java-serialization-caller-loader"
        String name = (String) in.readObject();
        Object value = in.readObject();
        return name + value;
    }
}
