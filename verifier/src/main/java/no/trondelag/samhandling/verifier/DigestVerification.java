package no.trondelag.samhandling.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The verifier's {@code digest} command: checks an export of the ledger against a saved digest of its hash chain
 * (ADR 0016), recomputing the chain from the exported events with the ledger's own hashing and verifying code. The
 * export is the lines of {@code GET /api/ledger/events} from the start (pages appended in order); the digest is the
 * JSON of {@code GET /api/ledger/digest}. The export is held in memory.
 */
final class DigestVerification {

    private static final int VALID = LedgerVerifier.VALID;
    private static final int INVALID = LedgerVerifier.INVALID;
    private static final int CANNOT_VERIFY = LedgerVerifier.CANNOT_VERIFY;

    private DigestVerification() {
    }

    /**
     * Verifies an export against a digest and tells the outcome.
     *
     * @param exportFile the export
     * @param digestFile the digest
     * @param out  where the outcome is printed
     * @param err  where usage and read errors are printed
     * @return {@link #VALID}, {@link #INVALID} or {@link #CANNOT_VERIFY}
     */
    static int run(Path exportFile, Path digestFile, PrintStream out, PrintStream err) {
        long position;
        Hash digest;
        List<StoredEvent> events = new ArrayList<>();
        List<ChainLink> links = new ArrayList<>();
        try {
            JsonNode saved = new ObjectMapper().readTree(digestFile.toFile());
            if (saved == null || !saved.path("position").canConvertToLong() || !saved.path("position")
                    .isIntegralNumber() || !Hash.isHex(saved.path("digest").asText(null))) {
                err.println(digestFile + " is not a digest: expected {\"position\": ..., \"digest\": ...} as "
                        + "GET /api/ledger/digest answers it");
                return CANNOT_VERIFY;
            }
            position = saved.path("position").asLong();
            digest = Hash.fromHex(saved.path("digest").asText());
            read(exportFile, events, links);
        } catch (IOException | IllegalArgumentException e) {
            err.println("Cannot verify: " + e.getMessage());
            return CANNOT_VERIFY;
        }
        long lastExported = events.stream().mapToLong(StoredEvent::position).max().orElse(0);
        if (lastExported < position) {
            err.println("Cannot verify: the export ends at position " + lastExported + ", before the digest's "
                    + "position " + position + "; export the events up to it (GET /api/ledger/events?after="
                    + lastExported + ") and append them");
            return CANNOT_VERIFY;
        }
        Verification verification;
        try {
            verification = new ChainVerifier(EventSource.of(events), LinkSource.of(links)).verify(position, digest);
        } catch (IllegalArgumentException e) {
            err.println("Cannot verify: the export has " + e.getMessage());
            return CANNOT_VERIFY;
        }
        if (verification.valid()) {
            out.println("VALID: the " + events.stream().filter(event -> event.position() <= position).count()
                    + " events up to position " + position + " in " + exportFile + " are exactly those digest "
                    + digest.hex() + " covers.");
            return VALID;
        }
        Difference difference = verification.firstDifference();
        out.println("INVALID: the events up to position " + position + " in " + exportFile + " are not those "
                + "digest " + digest.hex() + " covers. First difference at position " + difference.position()
                + ": " + difference.kind() + ". " + difference.detail());
        return INVALID;
    }

    private static void read(Path exportFile, List<StoredEvent> events, List<ChainLink> links) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(exportFile, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                ExportLine line;
                try {
                    line = ExportLine.read(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(exportFile + " line " + number + ": " + e.getMessage(), e);
                }
                events.add(line.storedEvent());
                line.link().ifPresent(links::add);
            }
        }
    }
}
