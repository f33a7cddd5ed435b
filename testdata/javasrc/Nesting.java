package fixtures.nesting;

import java.util.LinkedHashMap;
import java.util.Map;

// Declaration shapes the structural walk must see exactly as the whole-tree
// query does (scanner/javasrc TestWalkMatchesQuery).
public class Nesting {
    private final Map<String, byte[]> cache = new LinkedHashMap<String, byte[]>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 32;
        }
    };

    static final Runnable TASK = new Runnable() {
        public void run() {
            System.exit(1);
        }
    };

    {
        Thread t = new Thread() {
            public void run() {
                System.setProperty("a", "b");
            }
        };
    }

    static {
        int[] array = new int[] {1, 2};
        String text = "new Foo() { not a class }";
    }

    enum Mode {
        FAST {
            void apply() {
                System.exit(2);
            }
        },
        SLOW;

        void apply() {
        }
    }

    void localTypes() {
        class Local {
            void f() {
                System.exit(3);
            }
        }
        record Point(int x, int y) {
            Point {
                System.exit(4);
            }
        }
        new Local().f();
    }

    interface Constants {
        int LIMIT = 3;

        default void g() {
            System.exit(5);
        }
    }

    @interface Marker {
        String value() default "";
    }
}
