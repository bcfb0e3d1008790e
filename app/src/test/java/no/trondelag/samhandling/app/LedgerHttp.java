package no.trondelag.samhandling.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;

/**
 * A small HTTP client for tests that drive the real endpoints of a running ledger on localhost.
 */
public final class LedgerHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String authorization;

    /**
     * Creates an anonymous client for the ledger on the given local port.
     *
     * @param port the server's port
     */
    public LedgerHttp(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private LedgerHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /**
     * The same client, authenticated as a built-in user (whose password is its name).
     *
     * @param user the user's name
     * @return an authenticated client
     */
    public LedgerHttp as(String user) {
        return withAuthorization("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The same client, sending the given Authorization header.
     *
     * @param header the header value, such as {@code Bearer <token>}
     * @return the client
     */
    public LedgerHttp withAuthorization(String header) {
        return new LedgerHttp(baseUrl, header);
    }

    /**
     * A response: its status, content type and body.
     *
     * @param status      the HTTP status
     * @param contentType the Content-Type header, or an empty string
     * @param body        the body as text
     * @param etag        the ETag header, or null
     * @param retryAfter  the Retry-After header, or null
     */
    public record Response(int status, String contentType, String body, String etag, String retryAfter) {

        /**
         * The body as JSON.
         *
         * @return the parsed body
         */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    /**
     * Sends a command as JSON.
     *
     * @param commandName the command's name
     * @param json        the body
     * @param headers     further header names and values, alternating
     * @return the response
     */
    public Response command(String commandName, String json, String... headers) {
        return post("/api/commands/" + commandName, "application/json", json, headers);
    }

    /**
     * Posts a body with a content type.
     *
     * @param path        the path
     * @param contentType the Content-Type
     * @param body        the body
     * @param headers     further header names and values, alternating
     * @return the response
     */
    public Response post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /**
     * Gets a path.
     *
     * @param path    the path with its query
     * @param headers header names and values, alternating
     * @return the response
     */
    public Response get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /**
     * Every event the ledger exports, in position order, paging through {@code /api/ledger/events} (the client must
     * be an auditor). The export covers the hash chain; see {@link #awaitChainAt(long)}.
     *
     * @return one JSON object per event
     */
    public List<JsonNode> exportedEvents() {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            Response page = get("/api/ledger/events?after=" + after + "&limit=10000");
            if (page.status() != 200) {
                throw new AssertionError("The export answered " + page.status() + ": " + page.body());
            }
            List<String> lines = page.body().lines().filter(line -> !line.isBlank()).toList();
            if (lines.isEmpty()) {
                return events;
            }
            for (String line : lines) {
                JsonNode event = new Response(200, "application/json", line, null, null).json();
                events.add(event);
                after = Math.max(after, event.path("position").asLong());
            }
        }
    }

    /**
     * Waits until the hash chain, and so the export, reaches a position: the chain passes a gap in the global index
     * once the event after it is older than the settle time.
     *
     * @param position the position
     * @throws InterruptedException when interrupted while waiting
     */
    public void awaitChainAt(long position) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (get("/api/ledger/digest").json().path("position").asLong() < position) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The hash chain did not reach position " + position + " within a minute");
            }
            Thread.sleep(200);
        }
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
