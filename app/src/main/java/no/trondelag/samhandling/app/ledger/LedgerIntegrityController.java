package no.trondelag.samhandling.app.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.app.problem.DigestBeyondChainException;
import no.trondelag.samhandling.app.problem.InvalidInputException;
import no.trondelag.samhandling.app.problem.MalformedRequestException;
import no.trondelag.samhandling.query.integrity.LedgerChain;
import no.trondelag.samhandling.query.integrity.LedgerTree;
import no.trondelag.samhandling.verifier.ChainHead;
import no.trondelag.samhandling.verifier.ExportLine;
import no.trondelag.samhandling.verifier.Hash;
import no.trondelag.samhandling.verifier.Verification;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger's integrity over HTTP: a digest of the hash chain for an auditor to keep, verification of the stored
 * events against a digest saved earlier, and an export of the raw events with their hashes for archiving and
 * offline verification with the standalone verifier.
 */
@RestController
@Tag(name = "ledger integrity")
@RequestMapping("/api/ledger")
class LedgerIntegrityController {

    /** The content type of the export: one JSON object per line. */
    static final String NDJSON = "application/x-ndjson";
    /** The most events one export request returns. */
    static final int MAX_LIMIT = 10_000;
    /** The number of events an export request returns without a limit. */
    static final int DEFAULT_LIMIT = 1_000;

    private static final Set<String> DIGEST_FIELDS = Set.of("position", "digest", "issuedAt");

    private final LedgerChain chain;
    private final LedgerTree tree;
    private final Clock clock;

    LedgerIntegrityController(LedgerChain chain, LedgerTree tree, Clock clock) {
        this.chain = chain;
        this.tree = tree;
        this.clock = clock;
    }

    @GetMapping(path = "/digest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A digest of every event chained so far, for an auditor to keep and verify later",
            description = "Extends the hash chain over every event whose position has settled, then answers the "
                    + "position of its head and the chain hash there. Keep the whole answer; post it to "
                    + "/api/ledger/verify at any later time.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = LedgerDigest.class)))
    ResponseEntity<LedgerDigest> digest() {
        ChainHead head = chain.advance();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new LedgerDigest(head.position(), head.chainHash().hex(), clock.instant()));
    }

    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Whether the stored events up to a saved digest's position are still exactly those it "
            + "covers, and where they first differ",
            description = "Recomputes the chain from the stored events up to the digest's position and compares it "
                    + "with the digest; nothing else decides validity. When they differ, the ledger's own record of "
                    + "its chain locates the first difference: an event CHANGED, REMOVED, INSERTED into a position "
                    + "that was empty when the chain passed it, or REORDERED.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = LedgerDigest.class),
                            examples = @ExampleObject(value = "{\"position\": 57, \"digest\": "
                                    + "\"a78bf23b51df9abe03e6af9cdb6598b70d0be023d881f2812d4d991d6654aac8\", "
                                    + "\"issuedAt\": \"2024-01-08T08:00:00Z\"}"))))
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Verification.class)))
    @ApiResponse(responseCode = "400", description = "The body is not a digest: fields missing, unknown or "
            + "unreadable (listed in errors)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "404", description = "The digest is for a position beyond the end of the chain "
            + "(rule digest-beyond-chain): this ledger never issued it, or lost its events and chain after it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    Verification verify(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new MalformedRequestException("The body must be a digest as GET /api/ledger/digest answers it: "
                    + "{\"position\": ..., \"digest\": ..., \"issuedAt\": ...}");
        }
        List<FieldError> errors = new ArrayList<>();
        long position = position(body.get("position"), errors);
        Hash digest = digest(body.get("digest"), errors);
        JsonNode issuedAt = body.get("issuedAt");
        if (issuedAt != null && !isInstant(issuedAt)) {
            errors.add(new FieldError("issuedAt", "must be an ISO instant such as 2024-01-08T08:00:00Z"));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!DIGEST_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field of a digest"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.digest(errors);
        }
        if (position > chain.head().position()) {
            long head = chain.advance().position();
            if (position > head) {
                throw new DigestBeyondChainException(position, head);
            }
        }
        return chain.verify(position, digest);
    }

    @GetMapping(path = "/events", produces = NDJSON)
    @Operation(summary = "The stored events with their chain hashes, for archiving (auditors only)",
            description = "One flat JSON object per line and event, in position order, up to the head of the chain: "
                    + "position, eventId, aggregateId, sequence, payloadType, payloadRevision, timestamp, payload and "
                    + "metaData (base64), eventHash and chainHash, and leafIndex, the event's leaf in the Merkle "
                    + "tree. An event in a position the chain passed as empty has no hashes and no leaf. Page with after = the last position received. The metadata names who recorded "
                    + "each event, so the export is for auditors.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "after or limit cannot be read (listed in errors)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    void events(@Parameter(description = "Only events above this position; default 0, the start")
                @RequestParam(required = false) String after,
                @Parameter(description = "At most this many events, 1 to " + MAX_LIMIT + "; default "
                        + DEFAULT_LIMIT)
                @RequestParam(required = false) String limit,
                HttpServletResponse response) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        long from = after == null ? LedgerChain.ORIGIN : wholeNumber(after, 0, Long.MAX_VALUE, "after", errors);
        long count = limit == null ? DEFAULT_LIMIT : wholeNumber(limit, 1, MAX_LIMIT, "limit", errors);
        if (!errors.isEmpty()) {
            throw InvalidInputException.parameters(errors);
        }
        chain.advance();
        response.setContentType(NDJSON + ";charset=UTF-8");
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        OutputStream out = response.getOutputStream();
        Map<Long, Long> leaves = tree.leafIndexes(from, (int) count);
        try {
            chain.export(from, (int) count, (event, link) -> {
                try {
                    out.write(ExportLine.of(event, link, leaves.get(event.position())).write()
                            .getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (UncheckedIOException | IOException clientWentAway) {
            // Only writing to the client fails with an I/O error here, and once streaming has begun there is no one
            // left to answer; the next request starts again from its own after.
        }
    }

    private static long position(JsonNode value, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            errors.add(new FieldError("position", "is required"));
        } else if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            errors.add(new FieldError("position", "must be a whole number from 0 up"));
        } else {
            return value.asLong();
        }
        return -1;
    }

    private static Hash digest(JsonNode value, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            errors.add(new FieldError("digest", "is required"));
        } else if (!value.isTextual() || !Hash.isHex(value.asText())) {
            errors.add(new FieldError("digest", "must be 64 hexadecimal digits"));
        } else {
            return Hash.fromHex(value.asText());
        }
        return null;
    }

    private static boolean isInstant(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.asText());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static long wholeNumber(String text, long min, long max, String name, List<FieldError> errors) {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, as for a number out of range
        }
        errors.add(new FieldError(name, max == Long.MAX_VALUE ? "must be a whole number from " + min + " up"
                : "must be a whole number from " + min + " to " + max));
        return min;
    }
}
