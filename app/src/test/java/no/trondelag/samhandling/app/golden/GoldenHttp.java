package no.trondelag.samhandling.app.golden;

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
import java.util.Base64;
import java.util.List;

/**
 * The HTTP client of the golden tests: sends commands one at a time and reads reports with their headers, as an
 * anonymous caller or as a built-in user.
 */
final class GoldenHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    GoldenHttp(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /**
     * A response as the goldens record it.
     *
     * @param status         the HTTP status
     * @param contentType    the Content-Type header, or an empty string
     * @param ledgerPosition the Ledger-Position header, or an empty string
     * @param body           the body as UTF-8 text
     */
    record Response(int status, String contentType, String ledgerPosition, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    /**
     * Sends a command as the secretariat.
     *
     * @param name the command's name
     * @param body the command as JSON
     * @return the response
     */
    Response command(String name, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/commands/" + name))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(request, "secretariat");
    }

    /**
     * Reads a path.
     *
     * @param pathAndQuery the path with its query
     * @param user         the built-in user to read as, or {@code null} for an anonymous read
     * @param accept       the Accept header, or {@code null}
     * @return the response
     */
    Response get(String pathAndQuery, String user, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request, user);
    }

    private Response send(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        request.timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Ledger-Position").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The positions of the events a command appended, from its response. */
    static List<Long> positions(Response response) {
        List<Long> positions = new ArrayList<>();
        for (JsonNode event : response.json().path("events")) {
            positions.add(event.path("globalIndex").asLong());
        }
        return positions;
    }
}
