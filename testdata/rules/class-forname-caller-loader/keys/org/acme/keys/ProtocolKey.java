package org.acme.keys;

// A small key object: which module implements which factory interface.
public final class ProtocolKey {
    private final String factoryInterface;
    private final String identifier;

    public ProtocolKey(String factoryInterface, String identifier) {
        this.factoryInterface = factoryInterface;
        this.identifier = identifier;
    }

    public static ProtocolKey of(String factoryInterface) {
        return new ProtocolKey(factoryInterface, "default");
    }

    public String getFactoryInterface() {
        return factoryInterface;
    }

    public String getIdentifier() {
        return identifier;
    }
}
