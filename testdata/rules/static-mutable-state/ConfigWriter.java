package fixtures.state;

public class ConfigWriter {
    static void apply(String e) {
        TenantConfig.endpoint = e;
        TenantConfig.NAMES.add(e);
    }
}
