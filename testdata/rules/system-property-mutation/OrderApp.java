package fixtures.props;

// A Spring Boot application's main is a module's start, run inside the
// shared JVM: not a command line.
@org.springframework.boot.autoconfigure.SpringBootApplication
class OrderApp {
    public static void main(String[] args) {
        System.setProperty("app.id", "order"); // want "system-property-mutation:high"
    }
}
