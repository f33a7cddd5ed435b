package fixtures.tccl;

import java.util.ServiceLoader;

/** A file indented by two spaces (Guava's style): the wrapped code moves two spaces in. */
public final class TwoSpaces {
  public interface Codec {
    String name();
  }

  private final ClassLoader codecs = TwoSpaces.class.getClassLoader();

  public int countCodecs() {
    Thread.currentThread().setContextClassLoader(codecs); // want "tccl-not-restored"
    int n = 0;
    for (Codec c : ServiceLoader.load(Codec.class)) {
      n += c.name().length();
    }
    return n;
  }
}
