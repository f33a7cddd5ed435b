package fixtures;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

// guava's forwarding collections: parallelStream() that delegates runs
// nothing here; the code that calls it runs the stream.
public abstract class Delegation<E> {
    private final Collection<E> delegate;

    Delegation(Collection<E> delegate) {
        this.delegate = delegate;
    }

    public Stream<E> parallelStream() {
        return delegate.parallelStream();
    }

    long count(List<E> items, java.util.function.Predicate<E> filter) {
        return items.parallelStream().filter(e -> filter.apply(e)).count(); // want "tccl-not-propagated"
    }

    // zookeeper's MultipleAddresses: JDK values and the library's own
    // checks, nothing loaded by name or called back.
    long reachable(List<java.net.InetSocketAddress> addresses) {
        return addresses.parallelStream().filter(a -> !a.isUnresolved()).count();
    }
}
