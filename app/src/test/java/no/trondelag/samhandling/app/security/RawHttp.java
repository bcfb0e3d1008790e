package no.trondelag.samhandling.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small HTTP client for the security tests that, unlike the shared test client, also exposes the response headers
 * (the {@code WWW-Authenticate} challenge) and sends any {@code Authorization} header, including none at all. For
 * requests no HTTP client would send (a broken path encoding, a control character in a header), it also writes
 * bytes to a plain socket, from any loopback address.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

    private final String baseUrl;
    private final String authorization;
    private final String localAddress;

    private RawHttp(String baseUrl, String authorization, String localAddress) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.localAddress = localAddress;
    }

    /**
     * An anonymous client for the ledger on a local port.
     *
     * @param port the server's port
     * @return the client
     */
    static RawHttp anonymous(int port) {
        return new RawHttp("http://127.0.0.1:" + port, null, null);
    }

    /**
     * The same client with HTTP Basic credentials.
     *
     * @param user     the user name
     * @param password the password
     * @return the client
     */
    RawHttp basic(String user, String password) {
        return withAuthorization("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The same client as a built-in user, whose password is its name.
     *
     * @param user the user's name
     * @return the client
     */
    RawHttp as(String user) {
        return basic(user, user);
    }

    /**
     * The same client with a bearer token.
     *
     * @param token the compact serialised token
     * @return the client
     */
    RawHttp bearer(String token) {
        return withAuthorization("Bearer " + token);
    }

    /**
     * The same client with an {@code Authorization} header, or none when {@code null}.
     *
     * @param header the header's value
     * @return the client
     */
    RawHttp withAuthorization(String header) {
        return new RawHttp(baseUrl, header, localAddress);
    }

    /**
     * The same client, whose {@link #raw raw requests} come from another loopback address, such as
     * {@code 127.0.0.7}, so the server sees another client address.
     *
     * @param address the local address to connect from
     * @return the client
     */
    RawHttp from(String address) {
        return new RawHttp(baseUrl, authorization, address);
    }

    /**
     * A response.
     *
     * @param status  the status
     * @param headers the headers
     * @param body    the body as text
     */
    record Response(int status, HttpHeaders headers, String body) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        String wwwAuthenticate() {
            return headers.firstValue("WWW-Authenticate").orElse("");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }

    /**
     * Sends a command.
     *
     * @param commandName the command's name
     * @param json        the body
     * @return the response
     */
    Response command(String commandName, String json) {
        return post("/api/commands/" + commandName, json);
    }

    /**
     * Posts JSON.
     *
     * @param path the path
     * @param json the body
     * @return the response
     */
    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /**
     * Gets a path.
     *
     * @param path the path with its query
     * @return the response
     */
    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /**
     * Writes a request to a plain socket exactly as given, so it may be anything a client could send, and reads the
     * response until the server closes the connection. The request should ask for that with
     * {@code Connection: close}; a chunked body is decoded. The {@code Authorization} header of this client is not
     * added.
     *
     * @param request the request's bytes as ISO-8859-1 text, lines ended by CRLF
     * @return the response
     */
    Response raw(String request) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No complete response head: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        HttpHeaders head = HttpHeaders.of(headers, (name, value) -> true);
        byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (head.firstValue("Transfer-Encoding").map(value -> value.toLowerCase(Locale.ROOT).contains("chunked"))
                .orElse(false)) {
            body = dechunk(new ByteArrayInputStream(body));
        }
        return new Response(status, head, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            String hex = size.toString().split(";")[0].trim();
            int length = hex.isEmpty() ? 0 : Integer.parseInt(hex, 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
