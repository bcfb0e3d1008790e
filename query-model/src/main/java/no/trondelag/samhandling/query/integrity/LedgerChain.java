package no.trondelag.samhandling.query.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import no.trondelag.samhandling.verifier.ChainHashes;
import no.trondelag.samhandling.verifier.ChainHead;
import no.trondelag.samhandling.verifier.ChainLink;
import no.trondelag.samhandling.verifier.ChainVerifier;
import no.trondelag.samhandling.verifier.EventSource;
import no.trondelag.samhandling.verifier.Hash;
import no.trondelag.samhandling.verifier.MerkleHashes;
import no.trondelag.samhandling.verifier.PagedIterator;
import no.trondelag.samhandling.verifier.StoredEvent;
import no.trondelag.samhandling.verifier.Verification;

/**
 * The ledger's hash chain over the event store, in global-index order.
 *
 * <p>Axon's JDBC storage engine takes a global index when it inserts an event, but transactions commit in any
 * order: an index below the highest visible one can still be filled by a transaction that has not committed yet,
 * and an index taken by a transaction that rolled back stays empty for good. The chain therefore extends only over
 * positions that have settled: the next position after the head, or a gap whose following event is older than the
 * settle time, after which the gap is taken to be empty for good. An event found later in a settled gap was not
 * there when the chain passed, so verification reports it as inserted.
 *
 * <p>On one node, one caller at a time extends the chain. Across nodes, the {@link ChainStore} refuses a link that
 * another node added first, and the node that lost reads the head again and goes on from there.
 */
public class LedgerChain {

    /** The position before the first event: the chain starts here with {@link Hash#ZERO}. */
    public static final long ORIGIN = 0;

    private static final int MAX_CONFLICTS = 20;

    private final EventSource events;
    private final ChainStore store;
    private final Duration settleTime;
    private final Clock clock;

    /**
     * Creates the chain.
     *
     * @param events     the event store
     * @param store      where the links are kept
     * @param settleTime how old the event after a gap must be before the gap is taken to be empty for good; longer
     *                   than any transaction that appends events may take to commit
     * @param clock      the clock deciding what has settled and when links were chained
     */
    public LedgerChain(EventSource events, ChainStore store, Duration settleTime, Clock clock) {
        if (settleTime.isNegative()) {
            throw new IllegalArgumentException("The settle time cannot be negative: " + settleTime);
        }
        this.events = events;
        this.store = store;
        this.settleTime = settleTime;
        this.clock = clock;
    }

    /**
     * Chains every event over positions that have settled, then tells where the chain ends. Calls on one node take
     * turns; calls on other nodes are safe.
     *
     * @return the head of the chain
     * @throws IllegalStateException when other writers keep extending the chain first, which should never happen
     */
    public synchronized ChainHead advance() {
        int conflicts = 0;
        while (true) {
            ChainHead head = head();
            catchUpTree(head);
            List<StoredEvent> candidates = events.after(head.position(), PagedIterator.PAGE_SIZE);
            List<StoredEvent> settled = settled(head, candidates);
            if (settled.isEmpty()) {
                return head;
            }
            List<ChainLink> links = ChainHashes.links(head.chainHash(), settled);
            if (!store.append(head.position(), links, leaves(settled), clock.instant())) {
                if (++conflicts > MAX_CONFLICTS) {
                    throw new IllegalStateException("Other writers extended the ledger chain first "
                            + MAX_CONFLICTS + " times in a row; giving up for now");
                }
                continue;
            }
            conflicts = 0;
            if (settled.size() < candidates.size()) {
                ChainLink last = links.get(links.size() - 1);
                return new ChainHead(last.position(), last.chainHash());
            }
        }
    }

    /**
     * Where the chain ends now, without extending it.
     *
     * @return the head of the chain
     */
    public ChainHead head() {
        return store.last().map(link -> new ChainHead(link.position(), link.chainHash()))
                .orElse(new ChainHead(ORIGIN, Hash.ZERO));
    }

    /**
     * Verifies the stored events up to a digest's position against it; see {@link ChainVerifier}.
     *
     * @param position the digest's position
     * @param digest   the digest
     * @return whether the events match, and if not where they first differ
     */
    public Verification verify(long position, Hash digest) {
        return new ChainVerifier(events, store).verify(position, digest);
    }

    /**
     * Feeds the stored events above a position, up to the head of the chain, to a consumer with their links, for
     * archiving. An event stored in a gap the chain passed as empty comes without a link.
     *
     * @param after    only events above this position
     * @param limit    at most this many events
     * @param consumer receives each event and its link, or {@code null} when it has none
     */
    public void export(long after, int limit, ExportConsumer consumer) {
        long head = head().position();
        Iterator<StoredEvent> stored = PagedIterator.events(events, after, head);
        Iterator<ChainLink> links = PagedIterator.links(store, after, head);
        ChainLink link = links.hasNext() ? links.next() : null;
        for (int count = 0; count < limit && stored.hasNext(); count++) {
            StoredEvent event = stored.next();
            while (link != null && link.position() < event.position()) {
                link = links.hasNext() ? links.next() : null;
            }
            consumer.accept(event, link != null && link.position() == event.position() ? link : null);
        }
    }

    /**
     * Receives the events of an export.
     */
    @FunctionalInterface
    public interface ExportConsumer {

        /**
         * Receives one event.
         *
         * @param event the event as stored
         * @param link  its link, or {@code null} when it is not on the chain
         */
        void accept(StoredEvent event, ChainLink link);
    }

    /** The candidates over positions that have settled: the next position, or a gap that has settled. */
    private List<StoredEvent> settled(ChainHead head, List<StoredEvent> candidates) {
        Instant settledBefore = clock.instant().minus(settleTime);
        List<StoredEvent> settled = new ArrayList<>();
        long nextPosition = head.position() + 1;
        for (StoredEvent event : candidates) {
            if (event.position() != nextPosition && !recordedBefore(event, settledBefore)) {
                break;
            }
            settled.add(event);
            nextPosition = event.position() + 1;
        }
        return settled;
    }

    private static List<TreeLeaf> leaves(List<StoredEvent> events) {
        List<TreeLeaf> leaves = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            leaves.add(new TreeLeaf(event.position(), event.eventIdentifier(), MerkleHashes.eventLeaf(event)));
        }
        return leaves;
    }

    /**
     * Brings a Merkle tree that lags behind the chain (a ledger chained before the tree existed) up to the chain's
     * head, from the chained events as they are stored now. An event that is gone or has changed since it was
     * chained stops it: the tree must not sign what the chain shows was tampered with.
     */
    private void catchUpTree(ChainHead head) {
        TreeHead tree = store.treeHead();
        if (tree.lastPosition() >= head.position()) {
            return;
        }
        Iterator<StoredEvent> stored = PagedIterator.events(events, tree.lastPosition(), head.position());
        Iterator<ChainLink> links = PagedIterator.links(store, tree.lastPosition(), head.position());
        List<TreeLeaf> page = new ArrayList<>();
        StoredEvent event = null;
        while (links.hasNext()) {
            ChainLink link = links.next();
            while ((event == null || event.position() < link.position()) && stored.hasNext()) {
                event = stored.next();
            }
            if (event == null || event.position() != link.position()
                    || !ChainHashes.eventHash(event).equals(link.eventHash())) {
                throw new IllegalStateException("The event at position " + link.position() + " is gone or has "
                        + "changed since it was chained, so the Merkle tree cannot take it; verify the ledger "
                        + "(POST /api/ledger/verify)");
            }
            page.add(new TreeLeaf(event.position(), event.eventIdentifier(), MerkleHashes.eventLeaf(event)));
            if (page.size() == PagedIterator.PAGE_SIZE || !links.hasNext()) {
                if (!store.appendLeaves(tree, page)) {
                    return;
                }
                tree = new TreeHead(tree.size() + page.size(), link.position());
                page = new ArrayList<>();
            }
        }
    }

    /**
     * Whether an event was recorded before an instant. A timestamp that is not an ISO instant was not written by
     * Axon; it counts as old, so that it cannot hold the chain back forever.
     */
    private static boolean recordedBefore(StoredEvent event, Instant instant) {
        try {
            return !Instant.parse(event.timeStamp()).isAfter(instant);
        } catch (DateTimeParseException notAxonsFormat) {
            return true;
        }
    }
}
