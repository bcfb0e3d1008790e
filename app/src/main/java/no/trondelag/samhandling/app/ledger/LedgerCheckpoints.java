package no.trondelag.samhandling.app.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import no.trondelag.samhandling.query.integrity.JdbcCheckpoints;
import no.trondelag.samhandling.query.integrity.LedgerTree;
import no.trondelag.samhandling.query.integrity.StoredCheckpoint;
import no.trondelag.samhandling.query.integrity.TreeHead;
import no.trondelag.samhandling.verifier.Checkpoint;
import no.trondelag.samhandling.verifier.Hash;
import no.trondelag.samhandling.verifier.VerifierKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's signed checkpoints: whenever the tree has grown past the latest checkpoint, a new one of its current
 * size is signed and kept, and, when a time-stamping authority is configured, time-stamped afterwards.
 */
public class LedgerCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCheckpoints.class);
    private static final int TIMESTAMPS_PER_RUN = 5;

    private final LedgerTree tree;
    private final JdbcCheckpoints store;
    private final CheckpointSigner signer;
    private final TimestampAuthority timestampAuthority;
    private final Clock clock;

    /**
     * Creates the checkpoints.
     *
     * @param tree               the ledger's tree
     * @param store              where checkpoints are kept
     * @param signer             the signing key
     * @param timestampAuthority the authority that time-stamps checkpoints, or {@code null} for none
     * @param clock              the clock checkpoints are dated by
     */
    public LedgerCheckpoints(LedgerTree tree, JdbcCheckpoints store, CheckpointSigner signer,
                             TimestampAuthority timestampAuthority, Clock clock) {
        this.tree = tree;
        this.store = store;
        this.signer = signer;
        this.timestampAuthority = timestampAuthority;
        this.clock = clock;
    }

    /**
     * The latest checkpoint, signing one of the tree's current size first when the tree has grown past it.
     *
     * @return the checkpoint of the largest tree signed
     */
    public synchronized StoredCheckpoint latest() {
        Optional<StoredCheckpoint> latest = store.latest();
        TreeHead head = tree.head();
        if (latest.isPresent() && latest.get().treeSize() >= head.size()) {
            return latest.get();
        }
        Hash root = tree.root(head.size());
        Checkpoint checkpoint = new Checkpoint(signer.verifierKey().name(), head.size(), root, clock.instant());
        StoredCheckpoint signed = new StoredCheckpoint(head.size(), root, checkpoint.time(),
                signer.sign(checkpoint), null);
        if (!store.add(signed)) {
            return store.of(head.size()).orElseThrow();
        }
        return signed;
    }

    /**
     * The checkpoint of a tree size, if one was signed.
     *
     * @param treeSize the size
     * @return the checkpoint
     */
    public Optional<StoredCheckpoint> of(long treeSize) {
        return store.of(treeSize);
    }

    /**
     * The public key checkpoints are signed with.
     *
     * @return the verifier key
     */
    public VerifierKey verifierKey() {
        return signer.verifierKey();
    }

    /**
     * Whether checkpoints are time-stamped.
     *
     * @return {@code true} when a time-stamping authority is configured
     */
    public boolean timestamped() {
        return timestampAuthority != null;
    }

    /**
     * Asks the time-stamping authority, when there is one, to time-stamp the newest checkpoints that have no token
     * yet. A failure is logged; the next run tries again.
     */
    public void timestampPending() {
        if (timestampAuthority == null) {
            return;
        }
        for (StoredCheckpoint checkpoint : store.withoutTimestamp(TIMESTAMPS_PER_RUN)) {
            try {
                store.addTimestamp(checkpoint.treeSize(),
                        timestampAuthority.timestamp(checkpoint.note().getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                LOG.warn("Could not time-stamp the checkpoint of {} events with {}: {}", checkpoint.treeSize(),
                        timestampAuthority, e.getMessage());
                return;
            }
        }
    }
}
