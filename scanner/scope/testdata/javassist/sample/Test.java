public class Test {
}
