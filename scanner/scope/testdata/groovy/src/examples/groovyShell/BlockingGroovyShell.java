public class BlockingGroovyShell {
}
