package demo.shortlived;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

// Threads whose task ends by itself, or ends when the owner's end method
// tells it to: nothing is flagged unless the line says so.

// One daemon thread per request; the task sends once and returns.
class AsyncSender {
    void sendAsync(final String message) {
        Thread t = new Thread(() -> send(message), "async-send");
        t.setDaemon(true);
        t.start();
    }

    private void send(String message) {
        if (message.isEmpty()) {
            return;
        }
        System.getProperty(message);
    }
}

// A task object that runs one call on its own daemon thread (kept in a
// field to wait for it); compiled code does not show the task.
abstract class OneCall implements Runnable {
    private Thread thread;
    private volatile boolean finished;

    abstract Object call() throws Exception;

    @Override
    public void run() {
        try {
            call();
        } catch (Exception e) {
            // kept for the caller
        }
        finished = true;
    }

    OneCall execute(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start(); // want "thread-leak:low" source:-
        return this;
    }
}

// A delayed action that counts its delay down, then acts once.
class DelayedCloser extends Thread {
    private int delayMillis;

    DelayedCloser(int delayMillis) {
        this.delayMillis = delayMillis;
        setDaemon(true);
        start();
    }

    @Override
    public void run() {
        while (delayMillis > 0) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            delayMillis -= 100;
        }
    }
}

// A helper thread that waits for one event and handles it.
class OneEvent {
    void await(final List<Object> events) {
        new Thread() {
            @Override
            public void run() {
                Iterator<Object> it = events.iterator();
                while (it.hasNext()) {
                    if (it.next() != null) {
                        break;
                    }
                }
            }
        }.start();
    }
}

// Copies a stream until its end.
class StreamCopy {
    static void copyInThread(final InputStream in, final OutputStream out) {
        new Thread("copy") {
            @Override
            public void run() {
                byte[] buffer = new byte[4096];
                try {
                    while (true) {
                        int len = in.read(buffer, 0, buffer.length);
                        if (len < 0) {
                            break;
                        }
                        out.write(buffer, 0, len);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }.start();
    }
}

// An accept loop: its own thread runs until the process ends and is a
// leak; each connection's thread serves that connection and ends.
class Acceptor implements Runnable {
    private volatile boolean running = true;
    private ServerSocket serverSocket;
    private Thread listener;

    void begin() throws IOException {
        serverSocket = new ServerSocket(0);
        listener = new Thread(this, "acceptor");
        listener.start(); // want "thread-leak:low"
    }

    @Override
    public void run() {
        while (running) {
            try {
                Socket s = serverSocket.accept();
                Thread handler = new Thread(handlerFor(s), "connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static Runnable handlerFor(Socket s) {
        return new Connection(s);
    }
}

class Connection implements Runnable {
    private final Socket socket;

    Connection(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            socket.close();
        } catch (IOException e) {
            // gone
        }
    }
}

// A worker that ends on the final event its owner's testEnded() enqueues.
class ResultCollector implements Runnable {
    private static final Object FINAL_EVENT = new Object();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private Thread worker;

    public void testStarted() {
        worker = new Thread(this, "collector");
        worker.setDaemon(true);
        worker.start(); // want "thread-leak:low" source:-
    }

    public void testEnded() {
        queue.add(FINAL_EVENT);
    }

    public void sample(Object event) {
        queue.add(event);
    }

    @Override
    public void run() {
        while (true) {
            Object event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (event == FINAL_EVENT) {
                break;
            }
        }
    }
}

// The same worker whose sentinel only a per-sample method sends: nothing
// ends it when its owner ends.
class UnendedCollector implements Runnable {
    private static final Object POISON = new Object();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private Thread worker;

    public void begin() {
        worker = new Thread(this, "collector");
        worker.setDaemon(true);
        worker.start(); // want "thread-leak:low"
    }

    public void sample(Object event) {
        queue.add(event == null ? POISON : event);
    }

    @Override
    public void run() {
        while (true) {
            Object event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (event == POISON) {
                break;
            }
        }
    }
}

// A loop on a volatile flag that a stop method clears.
class FlagStopped implements Runnable {
    private volatile boolean halted;
    private Thread pump;

    void begin() {
        pump = new Thread(this);
        pump.start(); // want "thread-leak:low" source:-
    }

    void stopNow() {
        halted = true;
    }

    @Override
    public void run() {
        while (!halted) {
            Thread.yield();
        }
    }
}

// Endless threads still leak: from a static initialiser, or through a
// method reference.
class Endless {
    static {
        Thread t = new Thread(() -> {
            while (true) {
                Thread.yield();
            }
        });
        t.setDaemon(true);
        t.start(); // want "thread-leak:low" bytecode:-
    }

    void begin() {
        new Thread(this::pump).start(); // want "thread-leak:low" bytecode:-
    }

    private void pump() {
        for (;;) {
            Thread.yield();
        }
    }
}

// Loops on a volatile flag that the owner's kill or deactivate method
// clears: ended with the owner.
class Pinger implements Runnable {
    private volatile boolean pinging = true;
    private Thread pinger;

    void startPinger() {
        pinger = new Thread(this);
        pinger.start(); // want "thread-leak:low" source:-
    }

    void killPinger() {
        pinging = false;
    }

    @Override
    public void run() {
        while (pinging) {
            Thread.yield();
        }
    }
}

class Receiver implements Runnable {
    private volatile boolean active = true;

    void activate() {
        new Thread(this).start();
    }

    void deactivate() {
        active = false;
    }

    @Override
    public void run() {
        while (active) {
            Thread.yield();
        }
    }
}

// One statement per connection: the accepted socket is the argument of the
// thread that serves it, which ends with the connection.
class TinyServer implements Runnable {
    private final ServerSocket serverSocket;

    TinyServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    @Override
    public void run() {
        try {
            while (true)
                new ConnectionThread(serverSocket.accept()).start();
        } catch (IOException e) {
            return;
        }
    }
}

class ConnectionThread extends Thread {
    private final Socket socket;

    ConnectionThread(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void run() {
        while (!socket.isClosed()) {
            Thread.yield();
        }
    }
}

// A one-shot saver: it walks its list back to the start with the
// iterator it keeps, trims it, then ends.
class UndoSaver {
    private final java.util.LinkedList<String> states = new java.util.LinkedList<>();
    private java.util.ListIterator<String> cursor = states.listIterator();

    void save(final String state) {
        Thread saver = new Thread() {
            @Override
            public void run() {
                while (cursor.hasPrevious()) {
                    cursor.previous();
                }
                cursor.add(state);
            }
        };
        saver.start();
    }
}

// A child process's output copier: it closes its stream at the end of the
// input, then returns.
class OutputCopier {
    static int run(Process proc, final java.io.OutputStream out) throws InterruptedException {
        final InputStream in = proc.getInputStream();
        Thread copier = new Thread() {
            @Override
            public void run() {
                byte[] buf = new byte[256];
                try {
                    while (true) {
                        int len = in.read(buf);
                        if (len == -1) {
                            in.close();
                            return;
                        }
                        out.write(buf, 0, len);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        copier.start();
        return proc.waitFor();
    }
}
