public class SimpleApp {
}
