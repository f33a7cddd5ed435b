package demo.embed;

// The embedding API: an application creates it to start the server
// in-process.
public class EmbeddedServer {
    public void start() {
        new ServerMain().run();
    }

    public String config() {
        return ServerConfig.value();
    }
}
