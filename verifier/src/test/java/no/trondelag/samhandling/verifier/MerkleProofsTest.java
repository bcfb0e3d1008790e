package no.trondelag.samhandling.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Merkle tree against the published RFC 6962 reference vectors that Certificate Transparency implementations
 * test with (transparency-dev/merkle, kept in {@code rfc6962-vectors.json}): the same roots, exactly the same
 * inclusion and consistency proofs generated, those proofs accepted, and every corruption of them that the reference
 * suite tries rejected. Then every tree up to 70 leaves, every leaf and every pair of sizes, against the recursive
 * definitions of RFC 9162 written out in {@link InMemoryTree}.
 */
class MerkleProofsTest {

    private static final JsonNode VECTORS = vectors();
    private static final List<byte[]> LEAF_INPUTS = leafInputs();
    private static final List<Hash> ROOTS = hashes(VECTORS.get("roots"));
    private static final Hash EMPTY_ROOT = Hash.fromHex(VECTORS.get("emptyRoot").asText());
    /** The tree of the eight vector leaves. */
    private static final InMemoryTree TREE = new InMemoryTree(LEAF_INPUTS.stream().map(MerkleHashes::leaf).toList());
    /** Some other valid hash, where the reference suite puts garbage: SHA-256 of "WrongLeaf". */
    private static final Hash SOME_HASH = Hash.of(ChainHashes.sha256().digest(
            "WrongLeaf".getBytes(StandardCharsets.UTF_8)));
    private static final Hash OTHER_HASH = Hash.of(ChainHashes.sha256().digest(
            "some random root".getBytes(StandardCharsets.UTF_8)));

    private static JsonNode vectors() {
        try (InputStream in = MerkleProofsTest.class.getResourceAsStream("/rfc6962-vectors.json")) {
            if (in == null) {
                throw new IllegalStateException("rfc6962-vectors.json is not on the test class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<byte[]> leafInputs() {
        List<byte[]> inputs = new ArrayList<>();
        VECTORS.get("leaves").forEach(leaf -> inputs.add(HexFormat.of().parseHex(leaf.asText())));
        return inputs;
    }

    private static List<Hash> hashes(JsonNode array) {
        List<Hash> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(Hash.fromHex(hash.asText())));
        return hashes;
    }

    private static Hash root(long size) {
        return size == 0 ? EMPTY_ROOT : ROOTS.get((int) size - 1);
    }

    private static Hash flipped(Hash hash, int mask) {
        byte[] bytes = hash.bytes();
        bytes[0] ^= (byte) mask;
        return Hash.of(bytes);
    }

    private static List<Hash> with(List<Hash> proof, int at, Hash... inserted) {
        List<Hash> changed = new ArrayList<>(proof);
        changed.addAll(at, List.of(inserted));
        return changed;
    }

    private static List<Hash> extended(List<Hash> proof, Hash... appended) {
        return with(proof, proof.size(), appended);
    }

    private static List<Hash> prepended(List<Hash> proof, Hash... prepended) {
        return with(proof, 0, prepended);
    }

    private static List<Hash> without(List<Hash> proof, int at) {
        List<Hash> changed = new ArrayList<>(proof);
        changed.remove(at);
        return changed;
    }

    private static List<Hash> flippedAt(List<Hash> proof, int at, int mask) {
        List<Hash> changed = new ArrayList<>(proof);
        changed.set(at, flipped(proof.get(at), mask));
        return changed;
    }

    /** An inclusion proof of the vectors: {@code leaf} is 1-based there. */
    record Inclusion(long leafIndex, long treeSize, List<Hash> proof) {

        Hash leafHash() {
            return MerkleHashes.leaf(LEAF_INPUTS.get((int) leafIndex));
        }

        @Override
        public String toString() {
            return "leaf " + leafIndex + " of " + treeSize;
        }
    }

    /** A consistency proof of the vectors. */
    record Consistency(long size1, long size2, List<Hash> proof) {

        @Override
        public String toString() {
            return size1 + " to " + size2;
        }
    }

    static Stream<Inclusion> inclusionVectors() {
        List<Inclusion> vectors = new ArrayList<>();
        VECTORS.get("inclusionProofs").forEach(vector -> vectors.add(new Inclusion(vector.get("leaf").asLong() - 1,
                vector.get("size").asLong(), hashes(vector.get("proof")))));
        return vectors.stream();
    }

    static Stream<Consistency> consistencyVectors() {
        List<Consistency> vectors = new ArrayList<>();
        VECTORS.get("consistencyProofs").forEach(vector -> vectors.add(new Consistency(vector.get("size1").asLong(),
                vector.get("size2").asLong(), hashes(vector.get("proof")))));
        return vectors.stream();
    }

    @Test
    void theVectorsNameWhereTheyComeFromAndAreComplete() {
        assertThat(VECTORS.get("source").asText()).contains("RFC 6962", "transparency-dev/merkle",
                "verify_test.go", "Apache-2.0");
        assertThat(LEAF_INPUTS).hasSize(8);
        assertThat(ROOTS).hasSize(8);
        assertThat(inclusionVectors()).hasSize(5);
        assertThat(consistencyVectors()).hasSize(5);
    }

    @Nested
    class TheTreeHashes {

        @Test
        void theEmptyTreeHasTheRootOfNoBytesEverywhere() {
            assertThat(MerkleHashes.EMPTY_ROOT).isEqualTo(EMPTY_ROOT);
            assertThat(new MerkleFrontier().root()).isEqualTo(EMPTY_ROOT);
            assertThat(new MerkleFrontier().size()).isZero();
            assertThat(MerkleProofs.root(0, TREE)).isEqualTo(EMPTY_ROOT);
            assertThat(MerkleFrontier.of(0, TREE).root()).isEqualTo(EMPTY_ROOT);
        }

        @Test
        void aLeafIsHashedWithThePrefixZeroAndANodeWithThePrefixOne() {
            byte[] input = HexFormat.of().parseHex("2021");
            byte[] prefixed = {0x00, 0x20, 0x21};
            Hash leaf = MerkleHashes.leaf(input);

            assertThat(leaf).isEqualTo(Hash.of(ChainHashes.sha256().digest(prefixed)));
            byte[] node = new byte[65];
            node[0] = 0x01;
            System.arraycopy(leaf.bytes(), 0, node, 1, 32);
            System.arraycopy(SOME_HASH.bytes(), 0, node, 33, 32);
            assertThat(MerkleHashes.node(leaf, SOME_HASH)).isEqualTo(Hash.of(ChainHashes.sha256().digest(node)));
        }

        @Test
        void theRootOfOneLeafIsItsLeafHash() {
            assertThat(MerkleHashes.leaf(LEAF_INPUTS.get(0))).isEqualTo(ROOTS.get(0));
        }

        @Test
        void appendingEachLeafToTheFrontierGivesEveryPublishedRoot() {
            MerkleFrontier frontier = new MerkleFrontier();
            for (int size = 1; size <= 8; size++) {
                frontier.append(MerkleHashes.leaf(LEAF_INPUTS.get(size - 1)));

                assertThat(frontier.size()).isEqualTo(size);
                assertThat(frontier.root()).as("root of %d leaves", size).isEqualTo(root(size));
            }
        }

        @Test
        void theRootOverTheCompleteSubtreesGivesEveryPublishedRoot() {
            for (int size = 1; size <= 8; size++) {
                assertThat(MerkleProofs.root(size, TREE)).as("root of %d leaves", size).isEqualTo(root(size));
            }
        }

        @Test
        void theRecursiveDefinitionGivesEveryPublishedRoot() {
            for (int size = 0; size <= 8; size++) {
                assertThat(InMemoryTree.referenceRoot(TREE.leaves().subList(0, size))).isEqualTo(root(size));
            }
        }

        @Test
        void aFrontierReadFromTheSubtreesHasTheRootAndGrowsOnFromThere() {
            for (int size = 0; size <= 8; size++) {
                MerkleFrontier frontier = MerkleFrontier.of(size, TREE);

                assertThat(frontier.size()).isEqualTo(size);
                assertThat(frontier.root()).as("root of %d leaves", size).isEqualTo(root(size));
                for (int next = size + 1; next <= 8; next++) {
                    frontier.append(MerkleHashes.leaf(LEAF_INPUTS.get(next - 1)));
                    assertThat(frontier.root()).as("root of %d leaves, grown from %d", next, size)
                            .isEqualTo(root(next));
                }
            }
        }

        @Test
        void theFrontierAsksForOneSubtreePerBitOfTheSize() {
            assertThat(MerkleFrontier.peaksOf(0)).isEmpty();
            assertThat(MerkleFrontier.peaksOf(1)).containsExactly(new long[] {0, 0});
            assertThat(MerkleFrontier.peaksOf(6)).containsExactly(new long[] {1, 2}, new long[] {2, 0});
            assertThat(MerkleFrontier.peaksOf(7))
                    .containsExactly(new long[] {0, 6}, new long[] {1, 2}, new long[] {2, 0});
            assertThat(MerkleFrontier.peaksOf(8)).containsExactly(new long[] {3, 0});
        }

        @Test
        void eachAppendReportsExactlyTheSubtreesItCompleted() {
            MerkleFrontier frontier = new MerkleFrontier();
            List<MerkleFrontier.Node> completed = new ArrayList<>();
            for (byte[] input : LEAF_INPUTS) {
                completed.addAll(frontier.append(MerkleHashes.leaf(input)));
            }

            assertThat(completed).hasSize(8 + 4 + 2 + 1);
            for (MerkleFrontier.Node node : completed) {
                assertThat(node.hash()).as("subtree at level %d, index %d", node.level(), node.index())
                        .isEqualTo(TREE.hash(node.level(), node.index()));
            }
            assertThat(frontier.append(SOME_HASH)).containsExactly(new MerkleFrontier.Node(0, 8, SOME_HASH));
        }

        @Test
        void aTreeCannotHaveANegativeSize() {
            assertThatThrownBy(() -> MerkleProofs.root(-1, TREE)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aHashOfAnyLengthButThirtyTwoBytesCannotBeMade() {
            // The reference suite also appends empty and one-byte "hashes"; here they cannot even be written.
            assertThatThrownBy(() -> Hash.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Hash.of(new byte[] {0})).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Hash.of(new byte[33])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Hash.fromHex("00")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Hash.fromHex("zz" + "00".repeat(31)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class InclusionProofs {

        @ParameterizedTest(name = "{0}")
        @MethodSource("no.trondelag.samhandling.verifier.MerkleProofsTest#inclusionVectors")
        void theGeneratedProofIsExactlyThePublishedOne(Inclusion vector) {
            assertThat(MerkleProofs.inclusion(vector.leafIndex(), vector.treeSize(), TREE))
                    .containsExactlyElementsOf(vector.proof());
            assertThat(InMemoryTree.referenceInclusion((int) vector.leafIndex(),
                    TREE.leaves().subList(0, (int) vector.treeSize()))).containsExactlyElementsOf(vector.proof());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("no.trondelag.samhandling.verifier.MerkleProofsTest#inclusionVectors")
        void thePublishedProofIsAccepted(Inclusion vector) {
            assertThatCode(() -> MerkleProofs.verifyInclusion(vector.leafIndex(), vector.treeSize(),
                    vector.leafHash(), vector.proof(), root(vector.treeSize()))).doesNotThrowAnyException();
        }

        @TestFactory
        Stream<DynamicTest> everyCorruptionOfAPublishedProofIsRejected() {
            return inclusionVectors().flatMap(vector -> corruptions(vector).stream());
        }

        private List<DynamicTest> corruptions(Inclusion vector) {
            long i = vector.leafIndex();
            long n = vector.treeSize();
            List<Hash> p = vector.proof();
            Hash leaf = vector.leafHash();
            Hash root = root(n);
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(rejected(vector, "leaf index - 1", i - 1, n, leaf, p, root));
            tests.add(rejected(vector, "leaf index + 1", i + 1, n, leaf, p, root));
            tests.add(rejected(vector, "leaf index ^ 2", i ^ 2, n, leaf, p, root));
            tests.add(rejected(vector, "tree size * 2", i, n * 2, leaf, p, root));
            tests.add(rejected(vector, "tree size / 2", i, n / 2, leaf, p, root));
            tests.add(rejected(vector, "wrong leaf hash", i, n, SOME_HASH, p, root));
            tests.add(rejected(vector, "the empty tree's root", i, n, leaf, p, EMPTY_ROOT));
            tests.add(rejected(vector, "a random root", i, n, leaf, p, OTHER_HASH));
            tests.add(rejected(vector, "a random hash appended", i, n, leaf, extended(p, OTHER_HASH), root));
            tests.add(rejected(vector, "the empty root appended", i, n, leaf, extended(p, EMPTY_ROOT), root));
            tests.add(rejected(vector, "two hashes appended", i, n, leaf, extended(p, OTHER_HASH, EMPTY_ROOT),
                    root));
            tests.add(rejected(vector, "the root appended", i, n, leaf, extended(p, root), root));
            tests.add(rejected(vector, "a random hash prepended", i, n, leaf, prepended(p, OTHER_HASH), root));
            tests.add(rejected(vector, "the empty root prepended", i, n, leaf, prepended(p, EMPTY_ROOT), root));
            tests.add(rejected(vector, "two hashes prepended", i, n, leaf, prepended(p, OTHER_HASH, EMPTY_ROOT),
                    root));
            tests.add(rejected(vector, "the leaf prepended", i, n, leaf, prepended(p, leaf), root));
            for (int k = 0; k < p.size(); k++) {
                tests.add(rejected(vector, "proof[" + k + "] with bit 3 flipped", i, n, leaf, flippedAt(p, k, 8),
                        root));
                tests.add(rejected(vector, "proof[" + k + "] with bit 7 flipped", i, n, leaf,
                        flippedAt(p, k, 0x80), root));
                tests.add(rejected(vector, "proof[" + k + "] removed", i, n, leaf, without(p, k), root));
            }
            for (int k = 0; k <= p.size(); k++) {
                tests.add(rejected(vector, "a hash inserted at " + k, i, n, leaf, with(p, k, OTHER_HASH), root));
            }
            if (p.size() > 1) {
                List<Hash> swapped = new ArrayList<>(p);
                Collections.swap(swapped, 0, 1);
                tests.add(rejected(vector, "proof[0] and proof[1] swapped", i, n, leaf, swapped, root));
            }
            return tests;
        }

        private DynamicTest rejected(Inclusion vector, String corruption, long leafIndex, long treeSize,
                                     Hash leafHash, List<Hash> proof, Hash root) {
            return DynamicTest.dynamicTest(vector + ": " + corruption, () -> assertThatThrownBy(
                    () -> MerkleProofs.verifyInclusion(leafIndex, treeSize, leafHash, proof, root))
                    .isInstanceOf(ProofException.class));
        }

        @Test
        void aLeafOutsideTheTreeHasNoProof() {
            assertThatThrownBy(() -> MerkleProofs.inclusion(8, 8, TREE)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MerkleProofs.inclusion(-1, 8, TREE))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MerkleProofs.inclusion(0, 0, TREE)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void noLeafIsInTheEmptyTreeOrBeyondTheTree() {
            assertThatThrownBy(() -> MerkleProofs.verifyInclusion(0, 0, SOME_HASH, List.of(), EMPTY_ROOT))
                    .isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> MerkleProofs.verifyInclusion(8, 8, SOME_HASH, List.of(), root(8)))
                    .isInstanceOf(ProofException.class);
            assertThatThrownBy(() -> MerkleProofs.verifyInclusion(0, -1, SOME_HASH, List.of(), root(8)))
                    .isInstanceOf(ProofException.class);
        }

        @Test
        void theRejectionNamesTheStepThatFailed() {
            Inclusion leafSixOfEight = inclusionVectors().filter(v -> v.leafIndex() == 5).findFirst().orElseThrow();

            assertThatThrownBy(() -> MerkleProofs.verifyInclusion(5, 8, leafSixOfEight.leafHash(),
                    extended(leafSixOfEight.proof(), OTHER_HASH), root(8))).hasMessageContaining("more hashes");
            assertThatThrownBy(() -> MerkleProofs.verifyInclusion(5, 8, leafSixOfEight.leafHash(),
                    without(leafSixOfEight.proof(), 2), root(8))).hasMessageContaining("fewer hashes");
            assertThatThrownBy(() -> MerkleProofs.verifyInclusion(5, 8, leafSixOfEight.leafHash(),
                    leafSixOfEight.proof(), OTHER_HASH)).hasMessageContaining(OTHER_HASH.hex());
        }
    }

    @Nested
    class ConsistencyProofs {

        @ParameterizedTest(name = "{0}")
        @MethodSource("no.trondelag.samhandling.verifier.MerkleProofsTest#consistencyVectors")
        void theGeneratedProofIsExactlyThePublishedOne(Consistency vector) {
            assertThat(MerkleProofs.consistency(vector.size1(), vector.size2(), TREE))
                    .containsExactlyElementsOf(vector.proof());
            assertThat(InMemoryTree.referenceConsistency((int) vector.size1(),
                    TREE.leaves().subList(0, (int) vector.size2()))).containsExactlyElementsOf(vector.proof());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("no.trondelag.samhandling.verifier.MerkleProofsTest#consistencyVectors")
        void thePublishedProofIsAccepted(Consistency vector) {
            assertThatCode(() -> MerkleProofs.verifyConsistency(vector.size1(), vector.size2(),
                    root(vector.size1()), root(vector.size2()), vector.proof())).doesNotThrowAnyException();
        }

        @TestFactory
        Stream<DynamicTest> everyCorruptionOfAPublishedProofIsRejected() {
            // As in the reference suite, only the non-trivial proofs are corrupted: the others are empty.
            return consistencyVectors().filter(vector -> !vector.proof().isEmpty())
                    .flatMap(vector -> corruptions(vector).stream());
        }

        private List<DynamicTest> corruptions(Consistency vector) {
            long m = vector.size1();
            long n = vector.size2();
            Hash r1 = root(m);
            Hash r2 = root(n);
            List<Hash> p = vector.proof();
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(rejected(vector, "size1 - 1", m - 1, n, r1, r2, p));
            tests.add(rejected(vector, "size1 + 1", m + 1, n, r1, r2, p));
            tests.add(rejected(vector, "size1 ^ 2", m ^ 2, n, r1, r2, p));
            tests.add(rejected(vector, "size2 * 2", m, n * 2, r1, r2, p));
            tests.add(rejected(vector, "size2 / 2", m, n / 2, r1, r2, p));
            tests.add(rejected(vector, "wrong root1", m, n, SOME_HASH, r2, p));
            tests.add(rejected(vector, "wrong root2", m, n, r1, SOME_HASH, p));
            tests.add(rejected(vector, "roots swapped", m, n, r2, r1, p));
            tests.add(rejected(vector, "empty proof", m, n, r1, r2, List.of()));
            tests.add(rejected(vector, "root1 appended", m, n, r1, r2, extended(p, r1)));
            tests.add(rejected(vector, "root2 appended", m, n, r1, r2, extended(p, r2)));
            tests.add(rejected(vector, "root1 and root2 appended", m, n, r1, r2, extended(p, r1, r2)));
            tests.add(rejected(vector, "root2 and root1 appended", m, n, r1, r2, extended(p, r2, r1)));
            tests.add(rejected(vector, "a random hash appended", m, n, r1, r2, extended(p, OTHER_HASH)));
            tests.add(rejected(vector, "root1 prepended", m, n, r1, r2, prepended(p, r1)));
            tests.add(rejected(vector, "root2 prepended", m, n, r1, r2, prepended(p, r2)));
            tests.add(rejected(vector, "root1 and root2 prepended", m, n, r1, r2, prepended(p, r1, r2)));
            tests.add(rejected(vector, "proof[0] prepended", m, n, r1, r2, prepended(p, p.get(0))));
            tests.add(rejected(vector, "a random hash prepended", m, n, r1, r2, prepended(p, OTHER_HASH)));
            tests.add(rejected(vector, "last hash removed", m, n, r1, r2, p.subList(0, p.size() - 1)));
            for (int k = 0; k < p.size(); k++) {
                tests.add(rejected(vector, "proof[" + k + "] with bit 4 flipped", m, n, r1, r2,
                        flippedAt(p, k, 16)));
                tests.add(rejected(vector, "proof[" + k + "] with bit 0 flipped", m, n, r1, r2,
                        flippedAt(p, k, 1)));
                tests.add(rejected(vector, "proof[" + k + "] removed", m, n, r1, r2, without(p, k)));
            }
            for (int k = 0; k <= p.size(); k++) {
                tests.add(rejected(vector, "a hash inserted at " + k, m, n, r1, r2, with(p, k, OTHER_HASH)));
            }
            return tests;
        }

        private DynamicTest rejected(Consistency vector, String corruption, long size1, long size2, Hash root1,
                                     Hash root2, List<Hash> proof) {
            return DynamicTest.dynamicTest(vector + ": " + corruption, () -> assertThatThrownBy(
                    () -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, proof))
                    .isInstanceOf(ProofException.class));
        }

        static Stream<Arguments> edgeCases() {
            Hash root1 = Hash.of(ChainHashes.sha256().digest("don't care 1".getBytes(StandardCharsets.UTF_8)));
            Hash root2 = Hash.of(ChainHashes.sha256().digest("don't care 2".getBytes(StandardCharsets.UTF_8)));
            List<Hash> empty = List.of();
            List<Hash> one = List.of(EMPTY_ROOT);
            return Stream.of(
                    Arguments.of("0 to 0, different roots", 0, 0, root1, root2, empty, false),
                    Arguments.of("1 to 1, different roots", 1, 1, root1, root2, empty, false),
                    Arguments.of("0 to 0, equal roots, empty proof", 0, 0, root1, root1, empty, true),
                    Arguments.of("0 to 1, any roots, empty proof", 0, 1, root1, root2, empty, true),
                    Arguments.of("1 to 1, the same root, empty proof", 1, 1, root2, root2, empty, true),
                    Arguments.of("1 to 0: the log shrank", 1, 0, root1, root2, empty, false),
                    Arguments.of("2 to 1: the log shrank", 2, 1, root1, root2, empty, false),
                    Arguments.of("1 to 2 with an empty proof", 1, 2, root1, root2, empty, false),
                    Arguments.of("0 to 0, the empty root against another", 0, 0, EMPTY_ROOT, root2, empty, false),
                    Arguments.of("1 to 1, the empty root against another", 1, 1, EMPTY_ROOT, root2, empty, false),
                    Arguments.of("0 to 0, equal roots, a proof", 0, 0, EMPTY_ROOT, EMPTY_ROOT, one, false),
                    Arguments.of("0 to 1, equal roots, a proof", 0, 1, EMPTY_ROOT, EMPTY_ROOT, one, false),
                    Arguments.of("1 to 1, equal roots, a proof", 1, 1, EMPTY_ROOT, EMPTY_ROOT, one, false),
                    Arguments.of("-1 to 1", -1, 1, root1, root2, empty, false),
                    Arguments.of("0 to -1", 0, -1, root1, root2, empty, false));
        }

        @ParameterizedTest(name = "{0}: accepted = {6}")
        @MethodSource("edgeCases")
        void theEdgeCasesOfTheReferenceSuite(String name, long size1, long size2, Hash root1, Hash root2,
                                             List<Hash> proof, boolean accepted) {
            if (accepted) {
                assertThatCode(() -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, proof))
                        .doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, proof))
                        .isInstanceOf(ProofException.class);
            }
        }

        @Test
        void aShrinkingOrForkedLogIsNamedAsSuch() {
            assertThatThrownBy(() -> MerkleProofs.verifyConsistency(2, 1, root(2), root(1), List.of()))
                    .hasMessageContaining("shrank");
            assertThatThrownBy(() -> MerkleProofs.verifyConsistency(3, 3, root(3), OTHER_HASH, List.of()))
                    .hasMessageContaining("forked");
            Consistency sixToEight = consistencyVectors().filter(v -> v.size1() == 6 && v.size2() == 8)
                    .findFirst().orElseThrow();
            assertThatThrownBy(() -> MerkleProofs.verifyConsistency(6, 8, OTHER_HASH, root(8), sixToEight.proof()))
                    .hasMessageContaining("older root");
        }

        @Test
        void thereIsNoProofFromALargerToASmallerTree() {
            assertThatThrownBy(() -> MerkleProofs.consistency(3, 2, TREE)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MerkleProofs.consistency(-1, 2, TREE))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(MerkleProofs.consistency(0, 8, TREE)).isEmpty();
            assertThat(MerkleProofs.consistency(5, 5, TREE)).isEmpty();
        }
    }

    /**
     * Every tree of 1 to 70 leaves: every leaf's proof and every pair of sizes, generated from the complete
     * subtrees, equal to the recursive definitions, verified against the frontier's roots, and failing against the
     * roots of the same tree with any one leaf changed.
     */
    @Nested
    class EveryTreeUpToSeventyLeaves {

        private static final int MAX = 70;

        private final List<Hash> leaves = new ArrayList<>();
        private final InMemoryTree tree;
        /** {@code roots[n]}: the frontier's root of the first {@code n} leaves. */
        private final Hash[] roots = new Hash[MAX + 1];
        /** {@code changedRoots[j][n]}: the root of the first {@code n} leaves, leaf {@code j} changed. */
        private final Hash[][] changedRoots = new Hash[MAX][MAX + 1];
        private final InMemoryTree[] changedTrees = new InMemoryTree[MAX];

        EveryTreeUpToSeventyLeaves() {
            for (int i = 0; i < MAX; i++) {
                leaves.add(MerkleHashes.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
            }
            tree = new InMemoryTree(leaves);
            frontierRoots(leaves, roots);
            for (int j = 0; j < MAX; j++) {
                changedTrees[j] = tree.withLeaf(j, changed(j));
                frontierRoots(changedTrees[j].leaves(), changedRoots[j]);
            }
        }

        private static Hash changed(int leaf) {
            return MerkleHashes.leaf(("changed leaf " + leaf).getBytes(StandardCharsets.UTF_8));
        }

        private static void frontierRoots(List<Hash> leaves, Hash[] roots) {
            MerkleFrontier frontier = new MerkleFrontier();
            roots[0] = frontier.root();
            for (Hash leaf : leaves) {
                frontier.append(leaf);
                roots[(int) frontier.size()] = frontier.root();
            }
        }

        @Test
        void everyRootIsTheSameByFrontierBySubtreesAndByDefinition() {
            for (int n = 0; n <= MAX; n++) {
                Hash expected = InMemoryTree.referenceRoot(leaves.subList(0, n));
                assertThat(roots[n]).as("frontier root of %d", n).isEqualTo(expected);
                assertThat(MerkleProofs.root(n, tree)).as("subtree root of %d", n).isEqualTo(expected);
                assertThat(MerkleFrontier.of(n, tree).root()).as("frontier of %d read back", n).isEqualTo(expected);
            }
        }

        @Test
        void everyInclusionProofIsThePathOfTheDefinitionAndVerifies() throws ProofException {
            for (int n = 1; n <= MAX; n++) {
                for (int i = 0; i < n; i++) {
                    List<Hash> proof = MerkleProofs.inclusion(i, n, tree);

                    assertThat(proof).as("proof of leaf %d of %d", i, n)
                            .containsExactlyElementsOf(InMemoryTree.referenceInclusion(i, leaves.subList(0, n)));
                    MerkleProofs.verifyInclusion(i, n, leaves.get(i), proof, roots[n]);
                }
            }
        }

        @Test
        void everyInclusionProofFailsOnceAnyLeafOfTheTreeChanged() {
            int checked = 0;
            for (int n = 1; n <= MAX; n++) {
                for (int i = 0; i < n; i++) {
                    List<Hash> proof = MerkleProofs.inclusion(i, n, tree);
                    Hash leaf = leaves.get(i);
                    for (int j = 0; j < n; j++) {
                        Hash changedRoot = changedRoots[j][n];
                        int leafIndex = i;
                        int size = n;
                        assertThatThrownBy(() -> MerkleProofs.verifyInclusion(leafIndex, size, leaf, proof,
                                changedRoot)).as("leaf %d of %d against the tree with leaf %d changed", i, n, j)
                                .isInstanceOf(ProofException.class);
                        checked++;
                    }
                    int leafIndex = i;
                    int size = n;
                    assertThatThrownBy(() -> MerkleProofs.verifyInclusion(leafIndex, size, changed(leafIndex), proof,
                            roots[size])).as("a changed leaf %d of %d", i, n).isInstanceOf(ProofException.class);
                }
            }
            assertThat(checked).isEqualTo(MAX * (MAX + 1) * (2 * MAX + 1) / 6);
        }

        @Test
        void everyConsistencyProofIsTheProofOfTheDefinitionAndVerifies() throws ProofException {
            for (int n = 1; n <= MAX; n++) {
                for (int m = 1; m <= n; m++) {
                    List<Hash> proof = MerkleProofs.consistency(m, n, tree);

                    assertThat(proof).as("proof from %d to %d", m, n)
                            .containsExactlyElementsOf(InMemoryTree.referenceConsistency(m, leaves.subList(0, n)));
                    MerkleProofs.verifyConsistency(m, n, roots[m], roots[n], proof);
                }
            }
        }

        @Test
        void everyConsistencyProofFailsAgainstANewerTreeWithAnyLeafChanged() {
            for (int n = 1; n <= MAX; n++) {
                for (int m = 1; m <= n; m++) {
                    List<Hash> proof = MerkleProofs.consistency(m, n, tree);
                    for (int j = 0; j < n; j++) {
                        int size1 = m;
                        int size2 = n;
                        Hash changedRoot = changedRoots[j][n];
                        assertThatThrownBy(() -> MerkleProofs.verifyConsistency(size1, size2, roots[size1],
                                changedRoot, proof)).as("%d to %d, leaf %d changed in the newer tree", m, n, j)
                                .isInstanceOf(ProofException.class);
                    }
                }
            }
        }

        @Test
        void theHonestProofOfAForkedTreeFailsAgainstTheSavedRoot() throws ProofException {
            for (int n = 1; n <= MAX; n++) {
                for (int m = 1; m <= n; m++) {
                    for (int j = 0; j < m; j++) {
                        List<Hash> forkedProof = MerkleProofs.consistency(m, n, changedTrees[j]);
                        MerkleProofs.verifyConsistency(m, n, changedRoots[j][m], changedRoots[j][n], forkedProof);
                        int size1 = m;
                        int size2 = n;
                        Hash forkedRoot = changedRoots[j][n];
                        assertThatThrownBy(() -> MerkleProofs.verifyConsistency(size1, size2, roots[size1],
                                forkedRoot, forkedProof)).as("%d to %d forked at leaf %d", m, n, j)
                                .isInstanceOf(ProofException.class);
                    }
                }
            }
        }
    }
}
