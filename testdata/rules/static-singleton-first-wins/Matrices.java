package fixtures.singleton;

import java.io.IOException;
import java.io.InputStream;

// Scoring matrices read from files the library ships, through its own
// class: the same data for every app, whichever asks first.
public class Matrices {
    private static Matrices nucleotide;
    private static Matrices protein;
    private static Matrices tuned; // want "static-singleton-first-wins" bytecode:0
    private static Matrices overridden; // want "static-singleton-first-wins" bytecode:0

    private Matrices(InputStream in) throws IOException {
    }

    public static synchronized Matrices nucleotide() throws IOException {
        if (nucleotide == null) {
            nucleotide = new Matrices(Matrices.class.getResourceAsStream("/data/NUC.4.4"));
        }
        return nucleotide;
    }

    public static synchronized Matrices protein() throws IOException {
        if (protein == null) {
            protein = new Matrices(Matrices.class.getClassLoader().getResourceAsStream("blosum62.txt"));
        }
        return protein;
    }

    // a configuration file at the class path's root: an app may supply it
    public static synchronized Matrices tuned() throws IOException {
        if (tuned == null) {
            tuned = new Matrices(Matrices.class.getResourceAsStream("/matrices.properties"));
        }
        return tuned;
    }

    // a name the caller's environment chooses
    public static synchronized Matrices overridden() throws IOException {
        if (overridden == null) {
            overridden = new Matrices(Matrices.class.getResourceAsStream(System.getProperty("matrix.file", "/data/NUC.4.4"))); // want "resource-lookup-own-loader:hint"
        }
        return overridden;
    }
}
