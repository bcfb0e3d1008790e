package no.trondelag.samhandling.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A small HTTP client for the security tests that, unlike the shared test client, also exposes the response headers
 * (the {@code WWW-Authenticate} challenge) and sends any {@code Authorization} header, including none at all.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String authorization;

    private RawHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /**
     * An anonymous client for the ledger on a local port.
     *
     * @param port the server's port
     * @return the client
     */
    static RawHttp anonymous(int port) {
        return new RawHttp("http://127.0.0.1:" + port, null);
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
        return new RawHttp(baseUrl, header);
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
