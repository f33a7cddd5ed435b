package demo.jmx;

import org.springframework.jmx.export.annotation.ManagedResource;

@ManagedResource(objectName = "com.acme:name=Cache", description = "cache")
public class Spring { // want "jmx-fixed-name:medium"
}

@ManagedResource("com.acme:name=Cache2")
class Spring2 { // want "jmx-fixed-name:medium"
}

@ManagedResource(objectName = "${spring.application.name}:name=Cache")
class Placeholder {
}

@ManagedResource(description = "named by the exporter's naming strategy")
class Unnamed {
}
