package sample.evolve;

public class DemoLoader {
}
