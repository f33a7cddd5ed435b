package demo.tools.doc;

// A documentation generator run from a build: its messages are the build's.
public class DocBuilder {
    void setOverview(String path) {
        if (path.isEmpty()) {
            System.err.println("Unable to load overview file: " + path);
        }
    }
}
