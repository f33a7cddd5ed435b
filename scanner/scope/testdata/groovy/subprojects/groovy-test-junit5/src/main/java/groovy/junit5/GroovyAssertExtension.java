package groovy.junit5;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

public class GroovyAssertExtension implements BeforeEachCallback {
    public void beforeEach(ExtensionContext context) {
    }
}
