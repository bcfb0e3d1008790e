package no.trondelag.samhandling.app.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.governance.DecisionLog;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.governance.FindDecisions;
import no.trondelag.samhandling.app.problem.InvalidInputException;
import no.trondelag.samhandling.app.problem.NotFoundException;
import no.trondelag.samhandling.app.problem.ProofUnavailableException;
import no.trondelag.samhandling.app.report.LedgerQueries;
import no.trondelag.samhandling.app.security.LedgerRoles;
import no.trondelag.samhandling.query.integrity.JdbcMerkleTree.Leaf;
import no.trondelag.samhandling.query.integrity.LedgerChain;
import no.trondelag.samhandling.query.integrity.LedgerTree;
import no.trondelag.samhandling.query.integrity.StoredCheckpoint;
import no.trondelag.samhandling.verifier.Hash;
import no.trondelag.samhandling.verifier.MerkleHashes;
import no.trondelag.samhandling.verifier.ProvenEvent;
import no.trondelag.samhandling.verifier.StoredEvent;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verifiable ledger over HTTP (ADR 0031), public and read-only: signed checkpoints of the Merkle tree and the key
 * they are signed with, inclusion proofs of events, consistency proofs between tree sizes, and for a steering-group
 * decision a bundle of its events and every event citing it with their inclusion proofs. The standalone verifier
 * checks each of them without trusting the ledger.
 */
@RestController
@Tag(name = "ledger integrity")
@RequestMapping("/api/ledger")
class LedgerProofController {

    /** The media type of a signed note. */
    static final String NOTE = "text/plain;charset=UTF-8";
    /** The media type of an RFC 3161 time-stamp reply. */
    static final String TIMESTAMP_REPLY = "application/timestamp-reply";

    /** Every citation counts, whatever date it takes effect: the bundle reads the decision log at the end of time. */
    private static final ReadPoint EVERYTHING = new ReadPoint(LocalDate.of(9999, 12, 31), null);

    private final LedgerChain chain;
    private final LedgerTree tree;
    private final LedgerCheckpoints checkpoints;
    private final LedgerQueries queries;

    LedgerProofController(LedgerChain chain, LedgerTree tree, LedgerCheckpoints checkpoints, LedgerQueries queries) {
        this.chain = chain;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.queries = queries;
    }

    @GetMapping(path = "/checkpoint", produces = NOTE)
    @Operation(summary = "The latest signed checkpoint of the ledger's Merkle tree, for an auditor to keep",
            description = "Extends the chain and its tree over every settled event, signs a checkpoint when the tree "
                    + "has grown, and answers the latest: a C2SP signed note with the log's origin, the tree size, "
                    + "the root hash (base64) and the time, signed with Ed25519 by the key at "
                    + "/api/ledger/checkpoint/key. Keep it whole; check it with the standalone verifier.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    ResponseEntity<String> checkpoint() {
        chain.advance();
        StoredCheckpoint latest = checkpoints.latest();
        return note(latest, CacheControl.noStore());
    }

    @GetMapping(path = "/checkpoint/key", produces = NOTE)
    @Operation(summary = "The public key checkpoints are signed with",
            description = "A C2SP signed-note verifier key: <name>+<key ID>+<base64 of 0x01 and the Ed25519 key>. "
                    + "Obtain it once, through a channel you trust, and keep it beside the checkpoints you save.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    ResponseEntity<String> key() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.parseMediaType(NOTE))
                .body(checkpoints.verifierKey().text() + "\n");
    }

    @GetMapping(path = "/checkpoints/{treeSize}", produces = NOTE)
    @Operation(summary = "The signed checkpoint of a tree size, as it was signed")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No checkpoint was signed at that size (rule "
            + "checkpoint-not-signed)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<String> checkpointOf(@PathVariable long treeSize) {
        return note(signedAt(treeSize), CacheControl.noCache());
    }

    @GetMapping(path = "/checkpoints/{treeSize}/timestamp", produces = TIMESTAMP_REPLY)
    @Operation(summary = "The RFC 3161 time-stamp of a checkpoint",
            description = "The time-stamping authority's reply (DER) over the checkpoint's signed note as served, "
                    + "for openssl ts -verify -data <note> -in <reply>. Only when a time-stamping authority is "
                    + "configured.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = TIMESTAMP_REPLY,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No checkpoint at that size (rule checkpoint-not-signed) or no "
            + "time-stamp for it (rule checkpoint-not-timestamped)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<byte[]> timestamp(@PathVariable long treeSize) {
        StoredCheckpoint checkpoint = signedAt(treeSize);
        if (checkpoint.timestampToken() == null) {
            throw new ProofUnavailableException("checkpoint-not-timestamped", "The checkpoint of " + treeSize
                    + " events has no time-stamp " + (checkpoints.timestamped() ? "yet; the ledger asks its "
                    + "time-stamping authority in the background" : "; no time-stamping authority is configured"));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .contentType(MediaType.parseMediaType(TIMESTAMP_REPLY)).body(checkpoint.timestampToken());
    }

    @GetMapping(path = "/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "That an event is in the tree: its inclusion proof against a tree size",
            description = "Name the event by position or by eventId. The proof is against treeSize, by default the "
                    + "latest checkpoint's; the event comes with its fields as stored (its metadata only to "
                    + "auditors, otherwise as its hash), so that the verifier recomputes its leaf itself.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = InclusionProof.class)))
    @ApiResponse(responseCode = "400", description = "Neither or both of position and eventId, or a number that "
            + "cannot be read (listed in errors)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "404", description = "The event is not in the tree of that size (rule "
            + "event-not-in-tree), or the tree has not reached it (rule tree-size-beyond-tree)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    InclusionProof inclusion(@Parameter(description = "The event's position") @RequestParam(required = false)
                             Long position,
                             @Parameter(description = "The event's identifier") @RequestParam(required = false)
                             String eventId,
                             @Parameter(description = "The tree size; default the latest checkpoint's")
                             @RequestParam(required = false) Long treeSize) {
        List<FieldError> errors = new ArrayList<>();
        if ((position == null) == (eventId == null || eventId.isBlank())) {
            errors.add(new FieldError(position == null ? "position" : "eventId",
                    "name the event by position or by eventId, one of them"));
        }
        if (position != null && position < 1) {
            errors.add(new FieldError("position", "must be a whole number from 1 up"));
        }
        checkSize(treeSize, "treeSize", errors);
        if (!errors.isEmpty()) {
            throw InvalidInputException.parameters(errors);
        }
        long size = size(treeSize);
        Leaf leaf = (position != null ? tree.leafAt(position) : tree.leafOf(eventId))
                .filter(found -> found.leafIndex() < size)
                .orElseThrow(() -> new ProofUnavailableException("event-not-in-tree", "The tree of " + size
                        + " events does not hold " + (position != null ? "an event at position " + position
                        : "the event " + eventId) + ": there is none, it is not yet chained (the chain waits for "
                        + "positions to settle), or it came after that size"));
        return inclusionOf(leaf, size);
    }

    @GetMapping(path = "/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "That the log only grew: a consistency proof between two tree sizes",
            description = "From the size of a checkpoint you saved to a newer size, by default the latest "
                    + "checkpoint's. The verifier checks it against both signed checkpoints.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ConsistencyProof.class)))
    @ApiResponse(responseCode = "400", description = "from missing, above to, or unreadable (listed in errors)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "404", description = "The tree has not reached the size (rule "
            + "tree-size-beyond-tree)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ConsistencyProof consistency(@Parameter(description = "The older tree size: your saved checkpoint's")
                                 @RequestParam(required = false) Long from,
                                 @Parameter(description = "The newer tree size; default the latest checkpoint's")
                                 @RequestParam(required = false) Long to) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "is required: the tree size of the checkpoint you saved"));
        }
        checkSize(from, "from", errors);
        checkSize(to, "to", errors);
        if (errors.isEmpty() && to != null && from > to) {
            errors.add(new FieldError("from", "must not be above to: a log never shrinks"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.parameters(errors);
        }
        long second = size(to);
        if (from > second) {
            throw new ProofUnavailableException("tree-size-beyond-tree", "The latest checkpoint is of " + second
                    + " events, fewer than from=" + from + ": this ledger never signed a tree that large");
        }
        return new ConsistencyProof(from, second, hex(tree.consistency(from, second)));
    }

    @GetMapping(path = "/proofs/decisions/{decisionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A steering-group decision's proof bundle: its events and every event citing it, each with "
            + "its inclusion proof against the latest checkpoint",
            description = "The decision as recorded, its corrections and every event that cites it as authority, "
                    + "each with its fields as stored and its inclusion proof, against one signed checkpoint, "
                    + "which the bundle carries. Events recorded after that checkpoint are listed as pending.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DecisionBundle.class)))
    @ApiResponse(responseCode = "404", description = "The steering group made no such decision (rule not-found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    DecisionBundle decision(@PathVariable String decisionId) {
        DecisionView decision = queries.ask(new FindDecisions(EVERYTHING, decisionId), DecisionLog.class)
                .decisions().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("The steering group made no decision " + decisionId
                        + " that the ledger holds"));
        StoredCheckpoint checkpoint = checkpoints.latest();
        List<BundleEntry> events = new ArrayList<>();
        List<PendingEvent> pending = new ArrayList<>();
        add("DECISION", decision.recorded(), checkpoint.treeSize(), events, pending);
        decision.corrections().forEach(entry -> add("CORRECTION", entry, checkpoint.treeSize(), events, pending));
        decision.citedBy().forEach(entry -> add("CITATION", entry, checkpoint.treeSize(), events, pending));
        return new DecisionBundle(decisionId, checkpoint.treeSize(), checkpoint.note(), events, pending);
    }

    private void add(String kind, HistoryEntry entry, long size, List<BundleEntry> events,
                     List<PendingEvent> pending) {
        tree.leafAt(entry.position()).filter(leaf -> leaf.leafIndex() < size).ifPresentOrElse(leaf -> {
            InclusionProof proof = inclusionOf(leaf, size);
            events.add(new BundleEntry(kind, leaf.leafIndex(), proof.proof(), proof.event()));
        }, () -> pending.add(new PendingEvent(kind, entry.position())));
    }

    private InclusionProof inclusionOf(Leaf leaf, long size) {
        StoredEvent event = tree.event(leaf.position()).orElseThrow(() -> new IllegalStateException(
                "The event at position " + leaf.position() + ", leaf " + leaf.leafIndex() + " of the tree, is gone "
                        + "from the event store; verify the ledger"));
        boolean auditor = LedgerRoles.has(SecurityContextHolder.getContext().getAuthentication(),
                LedgerRoles.AUDITOR);
        Hash leafHash = MerkleHashes.eventLeaf(event);
        return new InclusionProof(size, leaf.leafIndex(), leafHash.hex(), hex(tree.inclusion(leaf.leafIndex(), size)),
                ProvenEvent.of(event, auditor));
    }

    private long size(Long treeSize) {
        if (treeSize == null) {
            return checkpoints.latest().treeSize();
        }
        long head = tree.head().size();
        if (treeSize > head) {
            throw new ProofUnavailableException("tree-size-beyond-tree", "The tree holds " + head + " events, fewer "
                    + "than treeSize=" + treeSize + ": ask for a size it has reached, such as the latest "
                    + "checkpoint's (GET /api/ledger/checkpoint)");
        }
        return treeSize;
    }

    private StoredCheckpoint signedAt(long treeSize) {
        return checkpoints.of(treeSize).orElseThrow(() -> new ProofUnavailableException("checkpoint-not-signed",
                "No checkpoint was signed at a tree size of " + treeSize + "; GET /api/ledger/checkpoint answers the "
                        + "latest"));
    }

    private static ResponseEntity<String> note(StoredCheckpoint checkpoint, CacheControl cache) {
        return ResponseEntity.ok().cacheControl(cache).contentType(MediaType.parseMediaType(NOTE))
                .header("Ledger-Tree-Size", Long.toString(checkpoint.treeSize())).body(checkpoint.note());
    }

    private static void checkSize(Long size, String name, List<FieldError> errors) {
        if (size != null && size < 0) {
            errors.add(new FieldError(name, "must be a whole number from 0 up"));
        }
    }

    private static List<String> hex(List<Hash> hashes) {
        return hashes.stream().map(Hash::hex).toList();
    }

    /**
     * An inclusion proof (RFC 9162 §2.1.3).
     *
     * @param treeSize  the size of the tree it is against
     * @param leafIndex the event's leaf
     * @param leafHash  the leaf's hash, which the verifier recomputes from the event
     * @param proof     the proof's hashes, hexadecimal, from the leaf's sibling up
     * @param event     the event as stored
     */
    record InclusionProof(long treeSize, long leafIndex, String leafHash, List<String> proof, ProvenEvent event) {
    }

    /**
     * A consistency proof (RFC 9162 §2.1.4).
     *
     * @param fromSize the older tree size
     * @param toSize   the newer tree size
     * @param proof    the proof's hashes, hexadecimal
     */
    record ConsistencyProof(long fromSize, long toSize, List<String> proof) {
    }

    /**
     * A decision's proof bundle.
     *
     * @param decisionId the decision
     * @param treeSize   the size of the checkpoint's tree
     * @param checkpoint the signed checkpoint every proof is against
     * @param events     the decision's events and the events citing it that the checkpoint covers
     * @param pending    those recorded after it
     */
    record DecisionBundle(String decisionId, long treeSize, String checkpoint, List<BundleEntry> events,
                          List<PendingEvent> pending) {
    }

    /**
     * An event of a bundle.
     *
     * @param kind      DECISION, CORRECTION or CITATION
     * @param leafIndex its leaf
     * @param proof     its inclusion proof's hashes
     * @param event     the event as stored
     */
    record BundleEntry(String kind, long leafIndex, List<String> proof, ProvenEvent event) {
    }

    /**
     * An event of the decision not yet in a checkpoint.
     *
     * @param kind     DECISION, CORRECTION or CITATION
     * @param position its position
     */
    record PendingEvent(String kind, long position) {
    }
}
