package com.example.order;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Discovers pricing plugins named in configuration and through SPI. */
public class PluginRegistry {
    public interface PricingPlugin {
        long price(long cents);
    }

    private static final List<PricingPlugin> PLUGINS = new ArrayList<>();

    static {
        ServiceLoader.load(PricingPlugin.class, PluginRegistry.class.getClassLoader()).forEach(PLUGINS::add);
    }

    public PricingPlugin byName(String className) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className);
        return (PricingPlugin) type.getDeclaredConstructor().newInstance();
    }

    public PricingPlugin byNameWithContextLoader(String className) throws ReflectiveOperationException {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        Class<?> type = Class.forName(className, true, cl);
        return (PricingPlugin) type.getDeclaredConstructor().newInstance();
    }

    public List<PricingPlugin> all() {
        return PLUGINS;
    }
}
