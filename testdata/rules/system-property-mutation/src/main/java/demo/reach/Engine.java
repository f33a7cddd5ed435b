package demo.reach;

// The launcher starts the engine, and so does the embedding API
// (Embedder): what both reach runs inside the shared JVM when an
// application embeds the engine, and the finding says who else reaches it.
public class Engine {
    public void boot() {
        System.setProperty("reach.booted", "true"); // want "system-property-mutation"
    }

    // Two and three calls down from the embedding API.
    public void prepare() {
        initNaming();
    }

    protected void initNaming() {
        System.setProperty("reach.naming", "true"); // want "system-property-mutation"
        initStreams();
    }

    void initStreams() {
        System.setProperty("reach.streams", "redirected"); // want "system-property-mutation"
    }
}
