package fixtures;

// Safe look-alikes: none of these lines may be flagged.
public class LookAlike {
    // Parent-chain walks (MultiBizProperties, the adapter's own fix).
    ClassLoader root(ClassLoader cl) {
        while (cl.getParent() != null) {
            cl = cl.getParent();
        }
        return cl;
    }

    boolean isAncestor(ClassLoader candidate, ClassLoader cl) {
        for (ClassLoader p = cl; p != null; p = p.getParent()) {
            if (p == candidate) {
                return true;
            }
        }
        return false;
    }

    // The null branch does not substitute the loader.
    String describe(ClassLoader cl) {
        if (cl.getParent() == null) {
            return "top-level loader";
        }
        return "child loader";
    }

    boolean hasParent(ClassLoader cl) {
        return cl.getParent() != null;
    }

    // Walking one step up is no substitution.
    ClassLoader up(ClassLoader cl) {
        if (cl.getParent() != null) {
            cl = cl.getParent();
        }
        return cl;
    }
}

// A user class with a getParent method.
class Node {
    Node parent;
    Node getParent() { return parent; }
    Node top(Node n) {
        if (n.getParent() == null) {
            n = this;
        }
        return n;
    }
}
