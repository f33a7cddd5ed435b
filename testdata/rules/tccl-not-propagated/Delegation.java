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

    long count(List<E> items) {
        return items.parallelStream().count(); // want "tccl-not-propagated"
    }
}
