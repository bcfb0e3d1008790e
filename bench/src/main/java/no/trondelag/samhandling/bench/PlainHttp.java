package no.trondelag.samhandling.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client for the command figures: one kept-alive connection per thread, with Nagle's algorithm
 * off, and every request (headers and body) written at once. The JDK's {@code HttpClient} writes a POST's headers
 * and body separately; with the server's delayed acknowledgement that costs 10–20 ms a request on this machine,
 * which measured the client, not the ledger.
 */
final class PlainHttp {

    private final int port;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    PlainHttp(int port) {
        this.port = port;
    }

    /**
     * Sends a POST and reads the whole response.
     *
     * @param path          the path
     * @param authorization the {@code Authorization} header
     * @param json          the body
     * @return the status code
     * @throws IOException when the connection fails
     */
    int post(String path, String authorization, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
                + authorization + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        Connection connection = connection();
        try {
            return connection.exchange(request);
        } catch (IOException e) {
            connections.remove();
            connection.close();
            throw e;
        }
    }

    private Connection connection() throws IOException {
        Connection connection = connections.get();
        if (connection == null) {
            connection = new Connection(new Socket("127.0.0.1", port));
            connections.set(connection);
        }
        return connection;
    }

    /**
     * One kept-alive connection.
     */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(header.indexOf(':') + 1).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0;
                     size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("The connection closed mid-response");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("The connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}
