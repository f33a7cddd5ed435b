package fixtures.exit;

// A Spring Boot application's main is the module's entry point, which
// Koupleless runs inside the shared JVM: its exit is reported.
@org.springframework.boot.autoconfigure.SpringBootApplication
class ModuleApp {
    public static void main(String[] args) {
        System.exit(org.springframework.boot.SpringApplication.exit(null)); // want "system-exit:low"
    }
}
