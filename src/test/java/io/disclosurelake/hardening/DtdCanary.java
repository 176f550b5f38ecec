package io.disclosurelake.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket on the loopback interface that the battery's external DTD points to. A parser that resolves
 * external entities connects to it; the tests assert that nobody ever did. Answers nothing useful.
 */
final class DtdCanary implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    private DtdCanary(ServerSocket socket) {
        this.socket = socket;
        Thread t = new Thread(this::accept, "dtd-canary");
        t.setDaemon(true);
        t.start();
    }

    static DtdCanary start() {
        try {
            return new DtdCanary(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                connections.incrementAndGet();
                s.getOutputStream().write("HTTP/1.0 404 Not Found\r\n\r\n".getBytes());
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // a broken connection still counts: it was counted on accept
            }
        }
    }

    int port() { return socket.getLocalPort(); }

    /** Connections made so far: any at all means an external DTD or entity was fetched. */
    int connections() { return connections.get(); }

    @Override public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a listening socket at exit
        }
    }
}
