package no.trondelag.samhandling.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.trondelag.samhandling.verifier.ChainHashes;
import no.trondelag.samhandling.verifier.ChainHead;
import no.trondelag.samhandling.verifier.ChainLink;
import no.trondelag.samhandling.verifier.ChainVerifier;
import no.trondelag.samhandling.verifier.Difference;
import no.trondelag.samhandling.verifier.Difference.Kind;
import no.trondelag.samhandling.verifier.Hash;
import no.trondelag.samhandling.verifier.MerkleFrontier;
import no.trondelag.samhandling.verifier.MerkleHashes;
import no.trondelag.samhandling.verifier.MerkleProofs;
import no.trondelag.samhandling.verifier.ProofException;
import no.trondelag.samhandling.verifier.StoredEvent;
import no.trondelag.samhandling.verifier.Verification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain over an H2 event store with the application's schema: it extends over contiguous positions and over
 * gaps that have settled, never past a gap that may still be filled, and never forks when several nodes extend it.
 */
class LedgerChainTest {

    private static final Duration SETTLE_TIME = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2024-01-08T08:00:00Z");

    private JdbcTemplate jdbc;
    private Instant now;
    private LedgerChain chain;

    @BeforeEach
    void emptyStore() {
        assertThat(H2EventStores.MIGRATIONS).as("the migrations, relative to the module directory")
                .allMatch(java.nio.file.Files::exists);
        jdbc = H2EventStores.database();
        now = NOW;
        chain = chainOn(H2EventStores.chainStore(jdbc));
    }

    private LedgerChain chainOn(ChainStore store) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new LedgerChain(H2EventStores.source(jdbc), store, SETTLE_TIME, clock);
    }

    /** Stores an event recorded a given time before now. */
    private StoredEvent store(long position, Duration age) {
        StoredEvent event = H2EventStores.event(position, now.minus(age));
        H2EventStores.store(jdbc, event);
        return event;
    }

    private StoredEvent storeOld(long position) {
        return store(position, Duration.ofMinutes(5));
    }

    private List<Long> chainedPositions() {
        return jdbc.queryForList("SELECT position FROM ledger_chain ORDER BY position", Long.class);
    }

    private Hash recomputed(long upTo) {
        return new ChainVerifier(H2EventStores.source(jdbc), H2EventStores.chainStore(jdbc)).recompute(upTo);
    }

    @Nested
    class Advancing {

        @Test
        void anEmptyStoreHasTheZeroDigestAtTheOrigin() {
            assertThat(chain.advance()).isEqualTo(new ChainHead(LedgerChain.ORIGIN, Hash.ZERO));
        }

        @Test
        void contiguousEventsAreChainedInOrder() {
            storeOld(1);
            storeOld(2);
            storeOld(3);

            ChainHead head = chain.advance();

            assertThat(head.position()).isEqualTo(3);
            assertThat(head.chainHash()).isEqualTo(recomputed(3));
            assertThat(chainedPositions()).containsExactly(1L, 2L, 3L);
        }

        @Test
        void freshContiguousEventsNeedNotSettle() {
            store(1, Duration.ZERO);
            store(2, Duration.ZERO);

            assertThat(chain.advance().position()).isEqualTo(2);
        }

        @Test
        void advancingAgainWithNothingNewChangesNothing() {
            storeOld(1);
            ChainHead first = chain.advance();

            assertThat(chain.advance()).isEqualTo(first);
            assertThat(chainedPositions()).containsExactly(1L);
        }

        @Test
        void moreEventsThanOnePageAreChainedInOneCall() {
            for (long position = 1; position <= 1_234; position++) {
                storeOld(position);
            }

            ChainHead head = chain.advance();

            assertThat(head.position()).isEqualTo(1_234);
            assertThat(head.chainHash()).isEqualTo(recomputed(1_234));
        }
    }

    @Nested
    class Gaps {

        @Test
        void theChainWaitsAtAGapWhoseNextEventIsYoungerThanTheSettleTime() {
            storeOld(1);
            storeOld(2);
            store(4, Duration.ofSeconds(3));

            assertThat(chain.advance().position()).isEqualTo(2);
        }

        @Test
        void aLateFillWithinTheSettleTimeIsChainedInOrder() {
            storeOld(1);
            storeOld(2);
            store(4, Duration.ofSeconds(3));
            chain.advance();

            store(3, Duration.ofSeconds(4));
            ChainHead head = chain.advance();

            assertThat(chainedPositions()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(head.chainHash()).isEqualTo(recomputed(4));
            assertThat(chain.verify(4, head.chainHash()).valid()).isTrue();
        }

        @Test
        void aGapIsPassedOnceTheEventAfterItIsOlderThanTheSettleTime() {
            storeOld(1);
            storeOld(2);
            store(4, Duration.ofSeconds(3));
            chain.advance();

            now = now.plus(SETTLE_TIME);
            ChainHead head = chain.advance();

            assertThat(head.position()).isEqualTo(4);
            assertThat(chainedPositions()).containsExactly(1L, 2L, 4L);
        }

        @Test
        void anEventFoundInASettledGapIsAnInsertion() {
            storeOld(1);
            storeOld(2);
            storeOld(4);
            ChainHead digest = chain.advance();

            store(3, Duration.ofMinutes(6));
            ChainHead later = chain.advance();
            Verification verification = chain.verify(digest.position(), digest.chainHash());

            assertThat(later).isEqualTo(digest);
            assertThat(chainedPositions()).containsExactly(1L, 2L, 4L);
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstDifference()).extracting(Difference::position, Difference::kind)
                    .containsExactly(3L, Kind.INSERTED);
        }

        @Test
        void positionsBeforeTheFirstEventSettleLikeAnyGap() {
            store(3, Duration.ofSeconds(1));
            assertThat(chain.advance().position()).isEqualTo(LedgerChain.ORIGIN);

            now = now.plus(SETTLE_TIME);

            assertThat(chain.advance().position()).isEqualTo(3);
        }
    }

    @Nested
    class SeveralNodes {

        @Test
        void aNodeThatFindsTheChainExtendedFirstGoesOnFromTheNewHead() {
            storeOld(1);
            storeOld(2);
            LedgerChain other = chainOn(H2EventStores.chainStore(jdbc));
            LedgerChain overtaken = chainOn(new JdbcChainStore(jdbc, H2EventStores.transactions(jdbc)) {
                private boolean overtakenOnce;

                @Override
                public boolean append(long previousPosition, List<ChainLink> links, List<TreeLeaf> leaves,
                                      Instant chainedAt) {
                    if (!overtakenOnce) {
                        overtakenOnce = true;
                        storeOld(3);
                        other.advance();
                    }
                    return super.append(previousPosition, links, leaves, chainedAt);
                }
            });

            ChainHead head = overtaken.advance();

            assertThat(head.position()).isEqualTo(3);
            assertThat(chainedPositions()).containsExactly(1L, 2L, 3L);
            assertThat(head.chainHash()).isEqualTo(recomputed(3));
        }

        @Test
        void theStoreRefusesASecondLinkAtAPositionOrAfterTheSameLink() {
            JdbcChainStore store = H2EventStores.chainStore(jdbc);
            List<StoredEvent> events = List.of(storeOld(1), storeOld(2), storeOld(3));
            List<ChainLink> links = ChainHashes.links(Hash.ZERO, events);
            List<TreeLeaf> leaves = events.stream().map(H2EventStores::leaf).toList();

            assertThat(store.append(LedgerChain.ORIGIN, List.of(links.get(0)), List.of(leaves.get(0)), NOW))
                    .isTrue();
            assertThat(store.append(LedgerChain.ORIGIN, List.of(links.get(0)), List.of(leaves.get(0)), NOW))
                    .as("same position").isFalse();
            assertThat(store.append(1, List.of(links.get(2)), List.of(leaves.get(2)), NOW))
                    .as("a node that passed 2 as a gap").isTrue();
            assertThat(store.append(1, List.of(links.get(1)), List.of(leaves.get(1)), NOW))
                    .as("a node that saw 2 filled").isFalse();
            assertThat(store.treeHead()).isEqualTo(new TreeHead(2, 3));
            assertThat(chainedPositions()).containsExactly(1L, 3L);
            assertThat(store.last()).map(ChainLink::position).isEqualTo(Optional.of(3L));
        }
    }

    @Nested
    class Export {

        @Test
        void eventsComeWithTheirLinksUpToTheHeadAndAnInsertionWithout() {
            storeOld(1);
            storeOld(2);
            storeOld(4);
            chain.advance();
            store(3, Duration.ofMinutes(6));
            store(5, Duration.ZERO);
            store(7, Duration.ZERO);

            List<String> exported = new ArrayList<>();
            chain.export(LedgerChain.ORIGIN, 100, (event, link) -> exported.add(event.position() + ":"
                    + (link == null ? "unchained" : link.position() == event.position() ? "linked" : "wrong")));

            assertThat(exported).containsExactly("1:linked", "2:linked", "3:unchained", "4:linked");
        }

        @Test
        void anExportStartsAfterAPositionAndStopsAtItsLimit() {
            for (long position = 1; position <= 10; position++) {
                storeOld(position);
            }
            chain.advance();

            List<Long> exported = new ArrayList<>();
            chain.export(3, 4, (event, link) -> exported.add(link.position()));

            assertThat(exported).containsExactly(4L, 5L, 6L, 7L);
        }
    }

    @Nested
    class MerkleTree {

        private LedgerTree tree() {
            return new LedgerTree(H2EventStores.chainStore(jdbc).tree(), H2EventStores.source(jdbc));
        }

        @Test
        void holdsEveryChainedEventInChainOrderAndProvesEachAgainstTheRootOfItsLeaves() throws ProofException {
            List<StoredEvent> events = new ArrayList<>();
            for (long position : new long[] {1, 2, 3, 5, 6, 7, 8, 9, 10, 12}) {
                events.add(storeOld(position));
            }
            chain.advance();

            MerkleFrontier expected = new MerkleFrontier();
            events.forEach(event -> expected.append(MerkleHashes.eventLeaf(event)));
            LedgerTree tree = tree();
            assertThat(tree.head()).isEqualTo(new TreeHead(10, 12));
            assertThat(tree.root(10)).isEqualTo(expected.root());
            for (int size = 1; size <= 10; size++) {
                for (int leaf = 0; leaf < size; leaf++) {
                    MerkleProofs.verifyInclusion(leaf, size, MerkleHashes.eventLeaf(events.get(leaf)),
                            tree.inclusion(leaf, size), tree.root(size));
                }
                MerkleProofs.verifyConsistency(size, 10, tree.root(size), tree.root(10), tree.consistency(size, 10));
            }
            assertThat(tree.leafAt(5)).map(JdbcMerkleTree.Leaf::leafIndex).contains(3L);
            assertThat(tree.leafAt(4)).isEmpty();
            assertThat(tree.leafOf("event-12")).map(JdbcMerkleTree.Leaf::position).contains(12L);
            assertThat(tree.leafIndexes(2, 3)).containsOnlyKeys(3L, 5L, 6L).containsEntry(6L, 4L);
            assertThat(tree.countLeaves(List.of(1L, 4L, 5L, 12L), 10)).as("4 is no leaf").isEqualTo(3);
            assertThat(tree.countLeaves(List.of(1L, 4L, 5L, 12L), 4)).as("12 is leaf 9").isEqualTo(2);
            assertThat(tree.event(5)).map(StoredEvent::eventIdentifier).contains("event-5");
            assertThat(tree.event(4)).isEmpty();
        }

        @Test
        void growsOnEveryAdvanceWithTheChain() {
            storeOld(1);
            storeOld(2);
            chain.advance();
            Hash two = tree().root(2);
            storeOld(3);
            chain.advance();

            assertThat(tree().head()).isEqualTo(new TreeHead(3, 3));
            assertThat(tree().root(2)).as("the older root is unchanged").isEqualTo(two);
        }

        @Test
        void aChainWithoutItsTreeGetsTheSameTreeOnTheNextAdvance() {
            for (long position = 1; position <= 7; position++) {
                storeOld(position);
            }
            chain.advance();
            Hash root = tree().root(7);
            jdbc.update("DELETE FROM ledger_tree_leaf");
            jdbc.update("DELETE FROM ledger_tree_node");

            chain.advance();

            assertThat(tree().head()).isEqualTo(new TreeHead(7, 7));
            assertThat(tree().root(7)).isEqualTo(root);
        }

        @Test
        void aTreeCatchingUpRefusesAnEventChangedSinceItWasChained() {
            storeOld(1);
            storeOld(2);
            chain.advance();
            jdbc.update("DELETE FROM ledger_tree_leaf");
            jdbc.update("DELETE FROM ledger_tree_node");
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalIndex = 2",
                    "{\"participantId\":\"5002\",\"effectiveDate\":\"2019-01-01\"}".getBytes(
                            java.nio.charset.StandardCharsets.UTF_8));

            assertThatThrownBy(chain::advance).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("position 2 is gone or has changed since it was chained");
            assertThat(tree().head().size()).as("nothing tampered with is signed").isZero();
        }

        @Test
        void aWriterThatFindsTheTreeExtendedFirstAddsNothing() {
            StoredEvent first = storeOld(1);
            JdbcChainStore store = H2EventStores.chainStore(jdbc);
            TreeHead empty = store.treeHead();

            assertThat(store.appendLeaves(empty, List.of(H2EventStores.leaf(first)))).isTrue();
            assertThat(store.appendLeaves(empty, List.of(H2EventStores.leaf(first)))).isFalse();
            assertThat(store.treeHead()).isEqualTo(new TreeHead(1, 1));
        }
    }
}
