package no.trondelag.samhandling.verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The standalone verifier: checks what the ledger publishes without trusting the ledger, from files an auditor saved.
 * Run as {@code java -jar ledger-verifier.jar <command> <files…>}:
 *
 * <pre>
 * checkpoint  KEY CHECKPOINT                    the checkpoint is signed by the ledger's key
 * inclusion   KEY CHECKPOINT PROOF              an event is in the tree the checkpoint signs
 * consistency KEY OLDER NEWER PROOF             the log only grew from a saved checkpoint to a newer one
 * bundle      KEY BUNDLE                        a decision's events and every event citing it are in the checkpoint
 * export      KEY CHECKPOINT EXPORT             an export holds exactly the events the checkpoint covers
 * digest      EXPORT DIGEST                     an export holds exactly the events a saved chain digest covers
 * </pre>
 *
 * <p>KEY is a file with the ledger's verifier key ({@code GET /api/ledger/checkpoint/key}), CHECKPOINT a saved
 * signed checkpoint ({@code GET /api/ledger/checkpoint}), PROOF and BUNDLE the JSON the proof endpoints answer,
 * EXPORT the lines of {@code GET /api/ledger/events} from the start, DIGEST the JSON of
 * {@code GET /api/ledger/digest}. It prints {@code VALID} or {@code INVALID} with the step that failed, and exits
 * with 0 when valid, 1 when not, and 2 when it cannot verify (a file unreadable, a proof for another tree size, an
 * export too short).
 */
public final class LedgerVerifier {

    /** The exit status when everything checked holds. */
    public static final int VALID = 0;
    /** The exit status when something checked does not hold. */
    public static final int INVALID = 1;
    /** The exit status when verification could not be done. */
    public static final int CANNOT_VERIFY = 2;

    private static final String USAGE = String.join("\n",
            "Usage: java -jar ledger-verifier.jar <command> <files...>",
            "  checkpoint  KEY CHECKPOINT           the checkpoint is signed by the ledger's key",
            "  inclusion   KEY CHECKPOINT PROOF     an event is in the tree the checkpoint signs",
            "  consistency KEY OLDER NEWER PROOF    the log only grew from a saved checkpoint to a newer one",
            "  bundle      KEY BUNDLE               a decision's events and every event citing it are in the checkpoint",
            "  export      KEY CHECKPOINT EXPORT    an export holds exactly the events the checkpoint covers",
            "  digest      EXPORT DIGEST            an export holds exactly the events a saved chain digest covers");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private static final Set<String> DECISION_EVENTS = Set.of(
            "no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded",
            "no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected");

    /** How many lines of an export are read, then parsed and hashed in parallel, at a time. */
    private static final int BATCH = 4096;

    private final PrintStream out;

    private LedgerVerifier(PrintStream out) {
        this.out = out;
    }

    /**
     * Verifies and exits with the outcome's status.
     *
     * @param args the command and its files
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Verifies and tells the outcome.
     *
     * @param args the command and its files
     * @param out  where the outcome is printed
     * @param err  where usage and read errors are printed
     * @return {@link #VALID}, {@link #INVALID} or {@link #CANNOT_VERIFY}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return CANNOT_VERIFY;
        }
        LedgerVerifier verifier = new LedgerVerifier(out);
        try {
            switch (args[0] + "/" + (args.length - 1)) {
                case "checkpoint/2" -> verifier.checkpoint(key(args[1]), text(args[2]));
                case "inclusion/3" -> verifier.inclusion(key(args[1]), text(args[2]), json(args[3]));
                case "consistency/4" -> verifier.consistency(key(args[1]), text(args[2]), text(args[3]),
                        json(args[4]));
                case "bundle/2" -> verifier.bundle(key(args[1]), json(args[2]));
                case "export/3" -> verifier.export(key(args[1]), text(args[2]), Path.of(args[3]));
                case "digest/2" -> {
                    return DigestVerification.run(Path.of(args[1]), Path.of(args[2]), out, err);
                }
                default -> {
                    err.println(USAGE);
                    return CANNOT_VERIFY;
                }
            }
            return VALID;
        } catch (ProofException invalid) {
            out.println("INVALID: " + invalid.getMessage());
            return INVALID;
        } catch (CannotVerify | IOException e) {
            err.println("Cannot verify: " + e.getMessage());
            return CANNOT_VERIFY;
        } catch (RuntimeException unforeseen) {
            err.println("Cannot verify: " + unforeseen);
            return CANNOT_VERIFY;
        }
    }

    private Checkpoint checkpoint(VerifierKey key, String note) throws ProofException {
        Checkpoint checkpoint = Checkpoint.verify(note, key);
        out.println("VALID: the checkpoint of " + checkpoint.size() + " events, root "
                + checkpoint.rootHash().hex() + (checkpoint.time() == null ? "" : ", signed " + checkpoint.time())
                + ", is signed by " + key.text() + ".");
        return checkpoint;
    }

    private void inclusion(VerifierKey key, String note, JsonNode proof) throws ProofException, CannotVerify {
        Checkpoint checkpoint = Checkpoint.verify(note, key);
        long treeSize = number(proof, "treeSize");
        if (treeSize != checkpoint.size()) {
            throw new CannotVerify("the proof is for a tree of " + treeSize + " events, the checkpoint of "
                    + checkpoint.size() + "; ask for the proof with treeSize=" + checkpoint.size());
        }
        long leafIndex = number(proof, "leafIndex");
        Hash leaf;
        String checked;
        if (proof.hasNonNull("event")) {
            leaf = event(proof.get("event")).leafHash();
            if (proof.hasNonNull("leafHash") && !leaf.equals(hash(proof.get("leafHash"), "leafHash"))) {
                throw new ProofException("the event's leaf hash is " + leaf.hex() + ", not the proof's leafHash");
            }
            checked = "the event at position " + proof.get("event").path("position").asLong() + " ("
                    + proof.get("event").path("payloadType").asText() + "), its leaf recomputed from its fields,";
        } else {
            leaf = hash(proof.get("leafHash"), "leafHash");
            checked = "the leaf " + leaf.hex() + " (the proof carries no event, so only its hash was checked)";
        }
        MerkleProofs.verifyInclusion(leafIndex, treeSize, leaf, hashes(proof, "proof"), checkpoint.rootHash());
        out.println("VALID: " + checked + " is leaf " + leafIndex + " of the signed checkpoint of " + treeSize
                + " events.");
    }

    private void consistency(VerifierKey key, String olderNote, String newerNote, JsonNode proof)
            throws ProofException, CannotVerify {
        Checkpoint older = Checkpoint.verify(olderNote, key);
        Checkpoint newer = Checkpoint.verify(newerNote, key);
        long fromSize = number(proof, "fromSize");
        long toSize = number(proof, "toSize");
        if (fromSize != older.size() || toSize != newer.size()) {
            throw new CannotVerify("the proof is from " + fromSize + " to " + toSize + " events, the checkpoints "
                    + "are of " + older.size() + " and " + newer.size() + "; ask for the proof with from="
                    + older.size() + "&to=" + newer.size());
        }
        MerkleProofs.verifyConsistency(older.size(), newer.size(), older.rootHash(), newer.rootHash(),
                hashes(proof, "proof"));
        out.println("VALID: the log of " + newer.size() + " events begins with exactly the " + older.size()
                + " events of the saved checkpoint: it only grew.");
    }

    private void bundle(VerifierKey key, JsonNode bundle) throws ProofException, CannotVerify {
        String decisionId = bundle.path("decisionId").asText(null);
        if (decisionId == null || !bundle.path("checkpoint").isTextual() || !bundle.path("events").isArray()) {
            throw new CannotVerify("not a proof bundle: expected decisionId, checkpoint and events");
        }
        Checkpoint checkpoint = Checkpoint.verify(bundle.get("checkpoint").asText(), key);
        int decisions = 0;
        int citations = 0;
        for (JsonNode entry : bundle.get("events")) {
            JsonNode event = entry.path("event");
            ProvenEvent proven = event(event);
            Hash leaf = proven.leafHash();
            long leafIndex = number(entry, "leafIndex");
            try {
                MerkleProofs.verifyInclusion(leafIndex, checkpoint.size(), leaf, hashes(entry, "proof"),
                        checkpoint.rootHash());
            } catch (ProofException e) {
                throw new ProofException("the event at position " + proven.position() + ": " + e.getMessage());
            }
            JsonNode payload = payload(proven);
            if (DECISION_EVENTS.contains(proven.payloadType())) {
                if (!decisionId.equals(payload.path("decisionId").asText(null))) {
                    throw new ProofException("the event at position " + proven.position() + " is of decision "
                            + payload.path("decisionId").asText() + ", not " + decisionId);
                }
                decisions++;
            } else {
                if (!decisionId.equals(payload.path("decisionId").asText(null))
                        && !decisionId.equals(payload.path("authority").path("decisionId").asText(null))) {
                    throw new ProofException("the event at position " + proven.position() + " does not cite "
                            + "decision " + decisionId);
                }
                citations++;
            }
        }
        if (decisions == 0) {
            throw new ProofException("the bundle holds no event recording decision " + decisionId);
        }
        int pending = bundle.path("pending").size();
        out.println("VALID: decision " + decisionId + " (" + decisions + " events) and the " + citations
                + " events citing it are in the signed checkpoint of " + checkpoint.size() + " events"
                + (pending == 0 ? "." : "; " + pending + " more recorded after it are not yet in a checkpoint."));
    }

    private void export(VerifierKey key, String note, Path export) throws ProofException, CannotVerify, IOException {
        Checkpoint checkpoint = Checkpoint.verify(note, key);
        MerkleFrontier tree = new MerkleFrontier();
        long lastPosition = Long.MIN_VALUE;
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            int number = 0;
            while (tree.size() < checkpoint.size()) {
                List<String> texts = new ArrayList<>(BATCH);
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    texts.add(text);
                    if (texts.size() == BATCH) {
                        break;
                    }
                }
                if (texts.isEmpty()) {
                    break;
                }
                List<Leaf> leaves = texts.parallelStream().map(Leaf::read).toList();
                for (Leaf leaf : leaves) {
                    number++;
                    if (leaf == null || tree.size() == checkpoint.size()) {
                        continue;
                    }
                    if (leaf.error() != null) {
                        throw new CannotVerify(export + " line " + number + ": " + leaf.error());
                    }
                    ExportLine line = leaf.line();
                    if (line.position() <= lastPosition) {
                        throw new ProofException("the event at position " + line.position() + " (line " + number
                                + ") comes after position " + lastPosition + ": the export is out of order");
                    }
                    lastPosition = line.position();
                    if (line.leafIndex() == null) {
                        throw new ProofException("the event at position " + line.position() + " is not in the "
                                + "tree: it was stored in a position the ledger had passed as empty, after it was "
                                + "signed");
                    }
                    if (line.leafIndex() != tree.size()) {
                        throw new ProofException("the event at position " + line.position() + " claims leaf "
                                + line.leafIndex() + " where leaf " + tree.size() + " was due: an event was "
                                + "removed, inserted or reordered");
                    }
                    tree.append(leaf.hash());
                }
            }
        }
        if (tree.size() < checkpoint.size()) {
            throw new CannotVerify("the export holds " + tree.size() + " events of the tree, the checkpoint covers "
                    + checkpoint.size() + "; export the events after position " + lastPosition + " and append them");
        }
        if (!tree.root().equals(checkpoint.rootHash())) {
            throw new ProofException("the " + checkpoint.size() + " events of the export have root "
                    + tree.root().hex() + ", not the checkpoint's " + checkpoint.rootHash().hex()
                    + ": an event was changed, removed, inserted or reordered");
        }
        out.println("VALID: the first " + checkpoint.size() + " events of " + export + " (up to position "
                + lastPosition + ") are exactly those the signed checkpoint covers.");
    }

    /**
     * A line of an export read and hashed, on any thread: its event and leaf hash, or why it cannot be read; a blank
     * line is {@code null}.
     */
    private record Leaf(ExportLine line, Hash hash, String error) {

        static Leaf read(String text) {
            if (text.isBlank()) {
                return null;
            }
            try {
                ExportLine line = ExportLine.read(text);
                return new Leaf(line, MerkleHashes.eventLeaf(line.storedEvent()), null);
            } catch (IllegalArgumentException e) {
                return new Leaf(null, null, e.getMessage());
            }
        }
    }

    private static ProvenEvent event(JsonNode node) throws CannotVerify {
        try {
            return JSON.treeToValue(node, ProvenEvent.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new CannotVerify("an event of the proof cannot be read: " + e.getMessage());
        }
    }

    private static JsonNode payload(ProvenEvent event) throws CannotVerify {
        try {
            return JSON.readTree(Base64.getDecoder().decode(event.payload()));
        } catch (IOException e) {
            throw new CannotVerify("the payload of the event at position " + event.position() + " is not JSON");
        }
    }

    private static long number(JsonNode node, String field) throws CannotVerify {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new CannotVerify(field + " must be a whole number from 0 up");
        }
        return value.asLong();
    }

    private static Hash hash(JsonNode value, String field) throws CannotVerify {
        if (value == null || !value.isTextual() || !Hash.isHex(value.asText())) {
            throw new CannotVerify(field + " must be 64 hexadecimal digits");
        }
        return Hash.fromHex(value.asText());
    }

    private static List<Hash> hashes(JsonNode node, String field) throws CannotVerify {
        JsonNode values = node.get(field);
        if (values == null || !values.isArray()) {
            throw new CannotVerify(field + " must be a list of hashes");
        }
        List<Hash> hashes = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            hashes.add(hash(value, field));
        }
        return hashes;
    }

    private static VerifierKey key(String file) throws IOException, CannotVerify {
        try {
            return VerifierKey.parse(text(file));
        } catch (ProofException e) {
            throw new CannotVerify(file + ": " + e.getMessage());
        }
    }

    private static String text(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static JsonNode json(String file) throws IOException, CannotVerify {
        JsonNode node = JSON.readTree(Path.of(file).toFile());
        if (node == null || !node.isObject()) {
            throw new CannotVerify(file + " is not a JSON object");
        }
        return node;
    }

    /** Verification could not be done: a file is unreadable or does not fit. */
    static final class CannotVerify extends Exception {

        private static final long serialVersionUID = 1L;

        CannotVerify(String message) {
            super(message);
        }
    }
}
