public class Shape {
}
