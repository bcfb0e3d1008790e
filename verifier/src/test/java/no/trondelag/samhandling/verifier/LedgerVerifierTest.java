package no.trondelag.samhandling.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone verifier end to end, through {@link LedgerVerifier#run} with the files an auditor saves: the
 * ledger's verifier key, signed checkpoints, inclusion and consistency proofs, a decision's proof bundle, an export
 * and a chain digest. Everything the ledger publishes verifies as {@code VALID} (0); every kind of tampering is
 * {@code INVALID} (1); what cannot be checked (a file unreadable, a proof for another tree size, an export too short)
 * is {@code CANNOT_VERIFY} (2).
 *
 * <p>The ledger here holds 40 events at the even positions 2 to 80, the odd positions left empty by rolled-back
 * inserts. Position 10 records steering group decision SG-2018-02 and position 24 decision SG-2018-01; the events
 * at positions 50 and 66 cite SG-2018-01 as their authority, the one at 56 approves an initiative by SG-2018-01 (its
 * own {@code decisionId}), the one at 72 cites SG-2018-02. Checkpoints were signed at 30 and at 40 leaves.
 */
class LedgerVerifierTest {

    private static final String ORIGIN = "samhandling.trondelag.no/ledger";
    private static final TestKeys.Signer LEDGER = TestKeys.signer(ORIGIN);
    private static final TestKeys.Signer IMPOSTOR = TestKeys.signer(ORIGIN);
    private static final Instant START = Instant.parse("2024-01-08T08:00:00Z");
    private static final String DECISION_RECORDED =
            "no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded";
    private static final String JOINED = "no.trondelag.samhandling.api.participation.CollaborationJoined";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIZE = 40;
    private static final int OLDER_SIZE = 30;

    @TempDir
    Path dir;

    private List<StoredEvent> events;
    private List<ChainLink> links;
    private InMemoryTree tree;
    private Path key;
    private Path checkpoint;
    private Path olderCheckpoint;
    private Path export;

    record Result(int code, String out, String err) {

        @Override
        public String toString() {
            return "exit " + code + "\nout: " + out + "\nerr: " + err;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The ledger

    private static StoredEvent decision(long position, String decisionId) {
        return new StoredEvent(position, "event-" + position, "steering-group", position,
                DECISION_RECORDED, null, bytes("{\"decisionId\":\"" + decisionId + "\",\"title\":\"Felles innkjøp "
                + "av velferdsteknologi\",\"decidedOn\":\"2018-03-01\"}"),
                bytes("{\"actor\":\"secretariat\",\"traceId\":\"trace-" + position + "\"}"),
                START.plusSeconds(position).toString());
    }

    private static StoredEvent citing(long position, String decisionId) {
        return new StoredEvent(position, "event-" + position, "participant-" + (5000 + position), 0, JOINED, "1",
                bytes("{\"participantId\":\"" + (5000 + position) + "\",\"authority\":{\"decisionId\":\""
                        + decisionId + "\"},\"effectiveDate\":\"2018-06-14\"}"),
                bytes("{\"actor\":\"kommune-" + (5000 + position) + "\"}"), START.plusSeconds(position).toString());
    }

    private static StoredEvent approval(long position, String decisionId) {
        return new StoredEvent(position, "event-" + position, "initiative-7", 1,
                "no.trondelag.samhandling.api.initiative.InitiativeApproved", null,
                bytes("{\"initiativeId\":\"initiative-7\",\"decisionId\":\"" + decisionId + "\"}"), null,
                START.plusSeconds(position).toString());
    }

    private static StoredEvent withPayload(StoredEvent event, String payload) {
        return new StoredEvent(event.position(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.payloadType(), event.payloadRevision(), bytes(payload),
                event.metaData(), event.timeStamp());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The stored event of a leaf: leaf {@code i} is at position {@code 2 (i + 1)}. */
    private StoredEvent leaf(int index) {
        return events.get(index);
    }

    private static int leafAt(long position) {
        return (int) (position / 2 - 1);
    }

    @BeforeEach
    void aLedgerOfFortyEventsWithTwoCheckpoints() {
        events = new ArrayList<>();
        for (int i = 1; i <= SIZE; i++) {
            long position = 2L * i;
            events.add(switch ((int) position) {
                case 10 -> decision(position, "SG-2018-02");
                case 24 -> decision(position, "SG-2018-01");
                case 50, 66 -> citing(position, "SG-2018-01");
                case 56 -> approval(position, "SG-2018-01");
                case 72 -> citing(position, "SG-2018-02");
                default -> TestEvents.event(position, START.plusSeconds(position));
            });
        }
        links = ChainHashes.links(Hash.ZERO, events);
        tree = new InMemoryTree(events.stream().map(MerkleHashes::eventLeaf).toList());
        key = write("ledger.key", LEDGER.key().text() + "\n");
        checkpoint = write("checkpoint-40.note", checkpointNote(LEDGER, SIZE, events));
        olderCheckpoint = write("checkpoint-30.note", checkpointNote(LEDGER, OLDER_SIZE, events));
        export = write("export.ndjson", exportText(exportLines(events)));
    }

    private static String checkpointNote(TestKeys.Signer signer, long size, List<StoredEvent> events) {
        MerkleFrontier frontier = new MerkleFrontier();
        events.stream().limit(size).forEach(event -> frontier.append(MerkleHashes.eventLeaf(event)));
        return signer.sign(new Checkpoint(ORIGIN, size, frontier.root(), START.plusSeconds(3600 + size)).text());
    }

    private List<String> exportLines(List<StoredEvent> stored) {
        List<ChainLink> chain = ChainHashes.links(Hash.ZERO, stored);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            lines.add(ExportLine.of(stored.get(i), chain.get(i), (long) i).write());
        }
        return lines;
    }

    private static String exportText(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Files and running

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, JsonNode json) {
        return write(name, json.toPrettyString());
    }

    private static Result run(Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] arguments = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            arguments[i] = args[i].toString();
        }
        int code = LedgerVerifier.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertValid(Result result) {
        assertThat(result.code()).as("%s", result).isEqualTo(LedgerVerifier.VALID);
        assertThat(result.out()).as("%s", result).startsWith("VALID");
    }

    private static void assertInvalid(Result result) {
        assertThat(result.code()).as("%s", result).isEqualTo(LedgerVerifier.INVALID);
        assertThat(result.out()).as("%s", result).startsWith("INVALID");
    }

    private static void assertCannotVerify(Result result) {
        assertThat(result.code()).as("%s", result).isEqualTo(LedgerVerifier.CANNOT_VERIFY);
        assertThat(result.out()).as("%s", result).doesNotContain("VALID");
        assertThat(result.err()).as("%s", result).isNotBlank();
    }

    private static ArrayNode hexes(List<Hash> hashes) {
        ArrayNode array = JSON.createArrayNode();
        hashes.forEach(hash -> array.add(hash.hex()));
        return array;
    }

    private static String flippedHex(String hex) {
        char first = hex.charAt(0);
        return (first == '0' ? '1' : '0') + hex.substring(1);
    }

    private static JsonNode provenEvent(StoredEvent event, boolean withMetaData) {
        return JSON.valueToTree(ProvenEvent.of(event, withMetaData));
    }

    /** The proof the ledger answers for a leaf in the tree of a size. */
    private ObjectNode inclusionProof(int leafIndex, int treeSize) {
        ObjectNode proof = JSON.createObjectNode();
        proof.put("treeSize", treeSize);
        proof.put("leafIndex", leafIndex);
        proof.put("leafHash", tree.leaves().get(leafIndex).hex());
        proof.set("proof", hexes(MerkleProofs.inclusion(leafIndex, treeSize, tree)));
        proof.set("event", provenEvent(leaf(leafIndex), false));
        return proof;
    }

    private static ObjectNode consistencyProof(long fromSize, long toSize, MerkleProofs.Subtrees subtrees) {
        ObjectNode proof = JSON.createObjectNode();
        proof.put("fromSize", fromSize);
        proof.put("toSize", toSize);
        proof.set("proof", hexes(MerkleProofs.consistency(fromSize, toSize, subtrees)));
        return proof;
    }

    private ObjectNode bundleEntry(String kind, int leafIndex) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("kind", kind);
        entry.put("leafIndex", leafIndex);
        entry.set("proof", hexes(MerkleProofs.inclusion(leafIndex, SIZE, tree)));
        entry.set("event", provenEvent(leaf(leafIndex), false));
        return entry;
    }

    /** The bundle of decision SG-2018-01: its decision event and the two events citing it. */
    private ObjectNode bundle() throws IOException {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("decisionId", "SG-2018-01");
        bundle.put("checkpoint", Files.readString(checkpoint));
        ArrayNode entries = bundle.putArray("events");
        entries.add(bundleEntry("decision", leafAt(24)));
        entries.add(bundleEntry("citation", leafAt(50)));
        entries.add(bundleEntry("citation", leafAt(66)));
        bundle.putArray("pending");
        return bundle;
    }

    private ObjectNode digest(long position) {
        ObjectNode digest = JSON.createObjectNode();
        digest.put("position", position);
        digest.put("digest", links.get(leafAt(position)).chainHash().hex());
        return digest;
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class Checkpoints {

        @Test
        void theLedgersCheckpointIsValid() {
            Result result = run("checkpoint", key, checkpoint);

            assertValid(result);
            assertThat(result.out()).contains("40 events", MerkleProofs.root(SIZE, tree).hex(), LEDGER.key().text());
        }

        @Test
        void aCheckpointSignedByAnotherKeyIsInvalid() {
            Path forged = write("forged.note", checkpointNote(IMPOSTOR, SIZE, events));

            assertInvalid(run("checkpoint", key, forged));
        }

        @Test
        void aCheckpointEditedAfterSigningIsInvalid() throws IOException {
            Path edited = write("edited.note", Files.readString(checkpoint).replace("\n40\n", "\n41\n"));

            assertInvalid(run("checkpoint", key, edited));
        }

        @Test
        void aKeyFileThatIsNotAKeyCannotVerify() {
            assertCannotVerify(run("checkpoint", write("garbage.key", "not a key\n"), checkpoint));
            assertCannotVerify(run("checkpoint", checkpoint, checkpoint));
        }

        @Test
        void aMissingFileCannotVerify() {
            assertCannotVerify(run("checkpoint", dir.resolve("absent.key"), checkpoint));
            assertCannotVerify(run("checkpoint", key, dir.resolve("absent.note")));
        }

        @Test
        void aKeyWhoseBase64HoldsAPlusSignVerifies() {
            TestKeys.Signer signer = TestKeys.signerWithPlusInBase64(ORIGIN);
            Path plusKey = write("plus.key", signer.key().text() + "\n");
            Path note = write("plus.note", checkpointNote(signer, SIZE, events));

            assertValid(run("checkpoint", plusKey, note));
        }

        @Test
        void aCheckpointWithoutASignatureLineIsInvalid() {
            Path unsigned = write("unsigned.note",
                    new Checkpoint(ORIGIN, SIZE, MerkleProofs.root(SIZE, tree), START).text() + "\n");

            assertInvalid(run("checkpoint", key, unsigned));
        }

        @Test
        void aCheckpointOfAnImpossibleSizeIsInvalid() {
            Path huge = write("huge.note", LEDGER.sign(ORIGIN + "\n9999999999999999999\n"
                    + Base64.getEncoder().encodeToString(MerkleHashes.EMPTY_ROOT.bytes()) + "\ntime " + START + "\n"));

            assertInvalid(run("checkpoint", key, huge));
        }
    }

    @Nested
    class InclusionProofs {

        @Test
        void everyEventIsProvenInTheSignedCheckpoint() {
            for (int leaf = 0; leaf < SIZE; leaf++) {
                Path proof = write("inclusion-" + leaf + ".json", inclusionProof(leaf, SIZE));

                Result result = run("inclusion", key, checkpoint, proof);

                assertValid(result);
                assertThat(result.out()).contains("position " + leaf(leaf).position(), "is leaf " + leaf + " ");
            }
        }

        @Test
        void anEventWithItsMetaDataIsProven() {
            ObjectNode proof = inclusionProof(leafAt(50), SIZE);
            proof.set("event", provenEvent(leaf(leafAt(50)), true));

            assertThat(proof.get("event").has("metaData")).isTrue();
            assertValid(run("inclusion", key, checkpoint, write("proof.json", proof)));
        }

        @Test
        void aProofOfTheOlderCheckpointIsValidAgainstIt() {
            assertValid(run("inclusion", key, olderCheckpoint, write("proof.json", inclusionProof(7, OLDER_SIZE))));
        }

        @Test
        void aProofWithoutItsEventChecksOnlyTheLeafHash() {
            ObjectNode proof = inclusionProof(3, SIZE);
            proof.remove("event");

            Result result = run("inclusion", key, checkpoint, write("proof.json", proof));

            assertValid(result);
            assertThat(result.out()).contains("only its hash was checked");
        }

        @Test
        void aProofWithAnyHashFlippedIsInvalid() {
            ObjectNode honest = inclusionProof(17, SIZE);
            for (int k = 0; k < honest.get("proof").size(); k++) {
                ObjectNode proof = honest.deepCopy();
                ArrayNode hashes = (ArrayNode) proof.get("proof");
                hashes.set(k, flippedHex(hashes.get(k).asText()));

                assertInvalid(run("inclusion", key, checkpoint, write("proof-" + k + ".json", proof)));
            }
        }

        @Test
        void aProofWithAHashAddedOrRemovedIsInvalid() {
            ObjectNode added = inclusionProof(17, SIZE);
            ((ArrayNode) added.get("proof")).add(MerkleHashes.EMPTY_ROOT.hex());
            ObjectNode removed = inclusionProof(17, SIZE);
            ((ArrayNode) removed.get("proof")).remove(0);

            assertInvalid(run("inclusion", key, checkpoint, write("added.json", added)));
            assertInvalid(run("inclusion", key, checkpoint, write("removed.json", removed)));
        }

        @Test
        void aProofClaimingAnotherLeafIndexIsInvalid() {
            for (int claimed : new int[] {16, 18, 17 ^ 2, 0, SIZE - 1}) {
                ObjectNode proof = inclusionProof(17, SIZE);
                proof.put("leafIndex", claimed);

                assertInvalid(run("inclusion", key, checkpoint, write("proof-" + claimed + ".json", proof)));
            }
        }

        @Test
        void aProofClaimingALeafBeyondTheTreeIsInvalid() {
            ObjectNode proof = inclusionProof(17, SIZE);
            proof.put("leafIndex", SIZE);

            assertInvalid(run("inclusion", key, checkpoint, write("proof.json", proof)));
        }

        @Test
        void anEventWhosePayloadWasChangedIsInvalid() {
            StoredEvent forged = withPayload(leaf(leafAt(72)), "{\"participantId\":\"5072\",\"authority\":"
                    + "{\"decisionId\":\"SG-2018-01\"},\"effectiveDate\":\"2018-06-14\"}");
            ObjectNode withLeafHash = inclusionProof(leafAt(72), SIZE);
            withLeafHash.set("event", provenEvent(forged, false));
            ObjectNode withoutLeafHash = withLeafHash.deepCopy();
            withoutLeafHash.remove("leafHash");

            Result result = run("inclusion", key, checkpoint, write("with.json", withLeafHash));
            assertInvalid(result);
            assertThat(result.out()).contains("not the proof's leafHash");
            assertInvalid(run("inclusion", key, checkpoint, write("without.json", withoutLeafHash)));
        }

        @Test
        void anEventWhoseLeafHashWasForgedToMatchIsInvalid() {
            StoredEvent forged = withPayload(leaf(5), "{\"participantId\":\"9999\"}");
            ObjectNode proof = inclusionProof(5, SIZE);
            proof.set("event", provenEvent(forged, false));
            proof.put("leafHash", MerkleHashes.eventLeaf(forged).hex());

            assertInvalid(run("inclusion", key, checkpoint, write("proof.json", proof)));
        }

        @Test
        void anEventWhoseMetaDataDoesNotMatchItsMetaDataHashIsInvalid() {
            ObjectNode proof = inclusionProof(leafAt(50), SIZE);
            ObjectNode event = (ObjectNode) provenEvent(leaf(leafAt(50)), true);
            event.put("metaData", Base64.getEncoder().encodeToString(bytes("{\"actor\":\"someone else\"}")));
            proof.set("event", event);

            Result result = run("inclusion", key, checkpoint, write("proof.json", proof));

            assertInvalid(result);
            assertThat(result.out()).contains("metaDataHash");
        }

        @Test
        void anEventLackingAFieldIsInvalid() {
            ObjectNode proof = inclusionProof(9, SIZE);
            ((ObjectNode) proof.get("event")).remove("eventId");

            assertInvalid(run("inclusion", key, checkpoint, write("proof.json", proof)));
        }

        @Test
        void aLeafHashWithoutItsEventThatIsNotInTheTreeIsInvalid() {
            ObjectNode proof = inclusionProof(3, SIZE);
            proof.remove("event");
            proof.put("leafHash", flippedHex(proof.get("leafHash").asText()));

            assertInvalid(run("inclusion", key, checkpoint, write("proof.json", proof)));
        }

        @Test
        void aProofAgainstACheckpointSignedByAnotherKeyIsInvalid() {
            Path forged = write("forged.note", checkpointNote(IMPOSTOR, SIZE, events));

            assertInvalid(run("inclusion", key, forged, write("proof.json", inclusionProof(3, SIZE))));
        }

        @Test
        void aProofForAnotherTreeSizeCannotVerify() {
            Result result = run("inclusion", key, checkpoint, write("proof.json", inclusionProof(3, OLDER_SIZE)));

            assertCannotVerify(result);
            assertThat(result.err()).contains("treeSize=40");
        }

        @Test
        void aProofThatCannotBeReadCannotVerify() {
            ObjectNode shortHash = inclusionProof(3, SIZE);
            ((ArrayNode) shortHash.get("proof")).set(0, "abcd");
            ObjectNode noProof = inclusionProof(3, SIZE);
            noProof.remove("proof");
            ObjectNode negative = inclusionProof(3, SIZE);
            negative.put("leafIndex", -1);
            ObjectNode fractional = inclusionProof(3, SIZE);
            fractional.put("leafIndex", 3.5);
            ObjectNode unknownField = inclusionProof(3, SIZE);
            ((ObjectNode) unknownField.get("event")).put("surprise", "yes");

            for (ObjectNode proof : List.of(shortHash, noProof, negative, fractional, unknownField)) {
                assertCannotVerify(run("inclusion", key, checkpoint, write("proof.json", proof)));
            }
            assertCannotVerify(run("inclusion", key, checkpoint, write("proof.json", "{not json")));
            assertCannotVerify(run("inclusion", key, checkpoint, write("proof.json", "[1, 2]")));
            assertCannotVerify(run("inclusion", key, checkpoint, write("proof.json", "")));
            assertCannotVerify(run("inclusion", key, checkpoint, dir.resolve("absent.json")));
        }
    }

    @Nested
    class ConsistencyProofs {

        @Test
        void theLogOnlyGrewFromTheSavedCheckpointToTheNewerOne() {
            Result result = run("consistency", key, olderCheckpoint, checkpoint,
                    write("consistency.json", consistencyProof(OLDER_SIZE, SIZE, tree)));

            assertValid(result);
            assertThat(result.out()).contains("40 events", "30 events");
        }

        @Test
        void everyEarlierSizeIsConsistentWithTheNewerCheckpoint() {
            for (int size = 0; size <= SIZE; size++) {
                Path older = write("older-" + size + ".note", checkpointNote(LEDGER, size, events));

                assertValid(run("consistency", key, older, checkpoint,
                        write("consistency-" + size + ".json", consistencyProof(size, SIZE, tree))));
            }
        }

        @Test
        void aCheckpointIsConsistentWithItself() {
            assertValid(run("consistency", key, checkpoint, checkpoint,
                    write("consistency.json", consistencyProof(SIZE, SIZE, tree))));
        }

        @Test
        void aNewerCheckpointOfALogThatShrankIsInvalid() {
            ObjectNode proof = JSON.createObjectNode();
            proof.put("fromSize", SIZE);
            proof.put("toSize", OLDER_SIZE);
            proof.putArray("proof");

            Result result = run("consistency", key, checkpoint, olderCheckpoint, write("shrank.json", proof));

            assertInvalid(result);
            assertThat(result.out()).contains("shrank");
        }

        @Test
        void aNewerCheckpointOfALogThatForkedIsInvalidEvenWithItsHonestProof() {
            List<StoredEvent> forked = new ArrayList<>(events);
            forked.set(6, withPayload(forked.get(6), "{\"participantId\":\"5014\",\"effectiveDate\":\"2019-01-01\"}"));
            for (int i = SIZE + 1; i <= 50; i++) {
                forked.add(TestEvents.event(2L * i, START.plusSeconds(2L * i)));
            }
            InMemoryTree forkedTree = new InMemoryTree(forked.stream().map(MerkleHashes::eventLeaf).toList());
            Path forkedCheckpoint = write("forked-50.note", checkpointNote(LEDGER, 50, forked));
            Path forkedSameSize = write("forked-40.note", checkpointNote(LEDGER, SIZE, forked));

            Result grown = run("consistency", key, checkpoint, forkedCheckpoint,
                    write("forked.json", consistencyProof(SIZE, 50, forkedTree)));
            Result sameSize = run("consistency", key, checkpoint, forkedSameSize,
                    write("forked-same.json", consistencyProof(SIZE, SIZE, forkedTree)));

            assertInvalid(grown);
            assertThat(grown.out()).contains("forked");
            assertInvalid(sameSize);
            assertThat(sameSize.out()).contains("forked");
            assertValid(run("consistency", key, write("forked-40-saved.note", checkpointNote(LEDGER, SIZE, forked)),
                    forkedCheckpoint, write("forked-honest.json", consistencyProof(SIZE, 50, forkedTree))));
        }

        @Test
        void aProofWithAnyHashFlippedIsInvalid() {
            ObjectNode honest = consistencyProof(OLDER_SIZE, SIZE, tree);
            assertThat(honest.get("proof").size()).isGreaterThan(1);
            for (int k = 0; k < honest.get("proof").size(); k++) {
                ObjectNode proof = honest.deepCopy();
                ArrayNode hashes = (ArrayNode) proof.get("proof");
                hashes.set(k, flippedHex(hashes.get(k).asText()));

                assertInvalid(run("consistency", key, olderCheckpoint, checkpoint,
                        write("consistency-" + k + ".json", proof)));
            }
        }

        @Test
        void anEmptyOrTruncatedProofIsInvalid() {
            ObjectNode empty = consistencyProof(OLDER_SIZE, SIZE, tree);
            empty.putArray("proof");
            ObjectNode truncated = consistencyProof(OLDER_SIZE, SIZE, tree);
            ((ArrayNode) truncated.get("proof")).remove(truncated.get("proof").size() - 1);

            assertInvalid(run("consistency", key, olderCheckpoint, checkpoint, write("empty.json", empty)));
            assertInvalid(run("consistency", key, olderCheckpoint, checkpoint, write("truncated.json", truncated)));
        }

        @Test
        void aCheckpointSignedByAnotherKeyIsInvalidOnEitherSide() {
            Path forgedNewer = write("forged-40.note", checkpointNote(IMPOSTOR, SIZE, events));
            Path forgedOlder = write("forged-30.note", checkpointNote(IMPOSTOR, OLDER_SIZE, events));
            Path proof = write("consistency.json", consistencyProof(OLDER_SIZE, SIZE, tree));

            assertInvalid(run("consistency", key, olderCheckpoint, forgedNewer, proof));
            assertInvalid(run("consistency", key, forgedOlder, checkpoint, proof));
        }

        @Test
        void aProofBetweenOtherSizesCannotVerify() {
            Result result = run("consistency", key, olderCheckpoint, checkpoint,
                    write("consistency.json", consistencyProof(20, SIZE, tree)));

            assertCannotVerify(result);
            assertThat(result.err()).contains("from=30&to=40");
            assertCannotVerify(run("consistency", key, olderCheckpoint, checkpoint,
                    write("consistency-2.json", consistencyProof(OLDER_SIZE, 35, tree))));
        }

        @Test
        void anUnreadableProofCannotVerify() {
            ObjectNode noProof = consistencyProof(OLDER_SIZE, SIZE, tree);
            noProof.remove("proof");

            assertCannotVerify(run("consistency", key, olderCheckpoint, checkpoint, write("no.json", noProof)));
            assertCannotVerify(run("consistency", key, olderCheckpoint, checkpoint, write("bad.json", "nonsense")));
            assertCannotVerify(run("consistency", key, olderCheckpoint, checkpoint, dir.resolve("absent.json")));
        }
    }

    @Nested
    class Bundles {

        @Test
        void theDecisionAndTheEventsCitingItAreInTheSignedCheckpoint() throws IOException {
            Result result = run("bundle", key, write("bundle.json", bundle()));

            assertValid(result);
            assertThat(result.out()).contains("decision SG-2018-01", "the 2 events citing it", "40 events");
        }

        @Test
        void eventsPendingAfterTheCheckpointAreMentioned() throws IOException {
            ObjectNode bundle = bundle();
            ((ArrayNode) bundle.get("pending")).add(provenEvent(citing(82, "SG-2018-01"), false));

            Result result = run("bundle", key, write("bundle.json", bundle));

            assertValid(result);
            assertThat(result.out()).contains("1 more recorded after it");
        }

        @Test
        void anEventNamingTheDecisionAsItsOwnDecisionIdCitesIt() throws IOException {
            ObjectNode bundle = bundle();
            ((ArrayNode) bundle.get("events")).add(bundleEntry("citation", leafAt(56)));

            Result result = run("bundle", key, write("bundle.json", bundle));

            assertValid(result);
            assertThat(result.out()).contains("the 3 events citing it");
        }

        @Test
        void anEventCitingAnotherDecisionIsInvalid() throws IOException {
            ObjectNode bundle = bundle();
            ((ArrayNode) bundle.get("events")).add(bundleEntry("citation", leafAt(72)));

            Result result = run("bundle", key, write("bundle.json", bundle));

            assertInvalid(result);
            assertThat(result.out()).contains("position 72", "does not cite");
        }

        @Test
        void anEventCitingNoDecisionIsInvalid() throws IOException {
            ObjectNode bundle = bundle();
            ((ArrayNode) bundle.get("events")).add(bundleEntry("citation", 0));

            assertInvalid(run("bundle", key, write("bundle.json", bundle)));
        }

        @Test
        void theRecordOfAnotherDecisionIsInvalid() throws IOException {
            ObjectNode bundle = bundle();
            ((ArrayNode) bundle.get("events")).add(bundleEntry("decision", leafAt(10)));

            Result result = run("bundle", key, write("bundle.json", bundle));

            assertInvalid(result);
            assertThat(result.out()).contains("SG-2018-02");
        }

        @Test
        void aCitationForgedIntoAnEventIsInvalid() throws IOException {
            ObjectNode bundle = bundle();
            ObjectNode entry = bundleEntry("citation", leafAt(72));
            entry.set("event", provenEvent(citing(72, "SG-2018-01"), false));
            ((ArrayNode) bundle.get("events")).add(entry);

            Result result = run("bundle", key, write("bundle.json", bundle));

            assertInvalid(result);
            assertThat(result.out()).contains("position 72");
        }

        @Test
        void anEventWhoseProofDoesNotMatchIsInvalid() throws IOException {
            ObjectNode flipped = bundle();
            ArrayNode hashes = (ArrayNode) flipped.get("events").get(1).get("proof");
            hashes.set(0, flippedHex(hashes.get(0).asText()));
            ObjectNode otherLeaf = bundle();
            ((ObjectNode) otherLeaf.get("events").get(2)).put("leafIndex", leafAt(66) + 1);
            ObjectNode otherProof = bundle();
            ((ObjectNode) otherProof.get("events").get(0)).set("proof",
                    hexes(MerkleProofs.inclusion(leafAt(24), OLDER_SIZE, tree)));

            for (ObjectNode bundle : List.of(flipped, otherLeaf, otherProof)) {
                assertInvalid(run("bundle", key, write("bundle.json", bundle)));
            }
        }

        @Test
        void aBundleWithoutTheDecisionsRecordIsInvalid() throws IOException {
            ObjectNode bundle = bundle();
            ((ArrayNode) bundle.get("events")).remove(0);

            Result result = run("bundle", key, write("bundle.json", bundle));

            assertInvalid(result);
            assertThat(result.out()).contains("no event recording decision SG-2018-01");
        }

        @Test
        void aBundleWhoseCheckpointIsSignedByAnotherKeyIsInvalid() throws IOException {
            ObjectNode bundle = bundle();
            bundle.put("checkpoint", checkpointNote(IMPOSTOR, SIZE, events));

            assertInvalid(run("bundle", key, write("bundle.json", bundle)));
        }

        @Test
        void aBundleThatIsNotABundleCannotVerify() throws IOException {
            ObjectNode noCheckpoint = bundle();
            noCheckpoint.remove("checkpoint");
            ObjectNode noDecision = bundle();
            noDecision.remove("decisionId");
            ObjectNode noEvents = bundle();
            noEvents.remove("events");

            for (ObjectNode bundle : List.of(noCheckpoint, noDecision, noEvents)) {
                assertCannotVerify(run("bundle", key, write("bundle.json", bundle)));
            }
            assertCannotVerify(run("bundle", key, dir.resolve("absent.json")));
        }
    }

    @Nested
    class Exports {

        private List<String> lines() {
            return new ArrayList<>(exportLines(events));
        }

        private Result verify(List<String> lines) {
            return run("export", key, checkpoint, write("tampered.ndjson", exportText(lines)));
        }

        @Test
        void theExportHoldsExactlyTheEventsTheCheckpointCovers() {
            Result result = run("export", key, checkpoint, export);

            assertValid(result);
            assertThat(result.out()).contains("first 40 events", "up to position 80");
        }

        @Test
        void eventsAfterTheCheckpointAreNotChecked() {
            List<String> lines = lines();
            lines.add("this line is after the checkpoint and never read");

            Result result = run("export", key, olderCheckpoint, export);

            assertValid(result);
            assertThat(result.out()).contains("first 30 events", "up to position 60");
            assertValid(run("export", key, checkpoint, write("longer.ndjson", exportText(lines))));
        }

        @Test
        void blankLinesAreSkipped() {
            List<String> lines = lines();
            lines.add(10, "");
            lines.add(0, "   ");

            assertValid(verify(lines));
        }

        @Test
        void anEventWhosePayloadWasChangedIsInvalid() {
            List<String> lines = lines();
            StoredEvent changed = withPayload(leaf(16), "{\"participantId\":\"5034\",\"effectiveDate\":\"2018-06-15\"}");
            lines.set(16, ExportLine.of(changed, links.get(16), 16L).write());

            Result result = verify(lines);

            assertInvalid(result);
            assertThat(result.out()).contains("root");
        }

        @Test
        void anEventWhoseMetaDataWasChangedIsInvalid() {
            List<String> lines = lines();
            StoredEvent event = leaf(3);
            StoredEvent changed = new StoredEvent(event.position(), event.eventIdentifier(),
                    event.aggregateIdentifier(), event.sequenceNumber(), event.payloadType(),
                    event.payloadRevision(), event.payload(), bytes("{\"actor\":\"someone else\"}"),
                    event.timeStamp());
            lines.set(3, ExportLine.of(changed, links.get(3), 3L).write());

            assertInvalid(verify(lines));
        }

        @Test
        void anEventRemovedIsInvalid() {
            List<String> lines = lines();
            lines.remove(12);

            Result result = verify(lines);

            assertInvalid(result);
            assertThat(result.out()).contains("removed, inserted or reordered");
        }

        @Test
        void theFirstOrTheLastEventRemovedIsInvalidOrTooShort() {
            List<String> withoutFirst = lines();
            withoutFirst.remove(0);
            List<String> withoutLast = lines();
            withoutLast.remove(SIZE - 1);

            assertInvalid(verify(withoutFirst));
            assertCannotVerify(verify(withoutLast));
        }

        @Test
        void anEventInsertedWithoutALeafIsInvalid() {
            List<String> lines = lines();
            lines.add(10, ExportLine.of(TestEvents.event(21, START.plusSeconds(21)), null, null).write());

            Result result = verify(lines);

            assertInvalid(result);
            assertThat(result.out()).contains("position 21", "not in the tree");
        }

        @Test
        void anEventInsertedClaimingALeafOfTheTreeIsInvalid() {
            StoredEvent inserted = TestEvents.event(21, START.plusSeconds(21));
            for (long claimed : new long[] {9, 10, 11}) {
                List<String> lines = lines();
                lines.add(10, ExportLine.of(inserted, null, claimed).write());

                assertInvalid(verify(lines));
            }
        }

        @Test
        void anEventDuplicatedIsInvalid() {
            List<String> lines = lines();
            lines.add(20, lines.get(19));

            Result result = verify(lines);

            assertInvalid(result);
            assertThat(result.out()).contains("out of order");
        }

        @Test
        void twoEventsReorderedAreInvalid() {
            List<String> lines = lines();
            Collections.swap(lines, 10, 11);

            assertInvalid(verify(lines));
        }

        @Test
        void twoEventsReorderedWithTheirPositionsAndLeavesRelabelledAreInvalid() {
            List<StoredEvent> reordered = new ArrayList<>(events);
            StoredEvent a = events.get(10);
            StoredEvent b = events.get(11);
            reordered.set(10, new StoredEvent(a.position(), b.eventIdentifier(), b.aggregateIdentifier(),
                    b.sequenceNumber(), b.payloadType(), b.payloadRevision(), b.payload(), b.metaData(),
                    b.timeStamp()));
            reordered.set(11, new StoredEvent(b.position(), a.eventIdentifier(), a.aggregateIdentifier(),
                    a.sequenceNumber(), a.payloadType(), a.payloadRevision(), a.payload(), a.metaData(),
                    a.timeStamp()));

            Result result = verify(exportLines(reordered));

            assertInvalid(result);
            assertThat(result.out()).contains("changed, removed, inserted or reordered");
        }

        @Test
        void anExportAgainstACheckpointSignedByAnotherKeyIsInvalid() {
            Path forged = write("forged.note", checkpointNote(IMPOSTOR, SIZE, events));

            assertInvalid(run("export", key, forged, export));
        }

        @Test
        void anExportShorterThanTheCheckpointCannotVerify() {
            Result result = verify(lines().subList(0, 20));

            assertCannotVerify(result);
            assertThat(result.err()).contains("20 events", "40");
        }

        @Test
        void anExportWithAnUnreadableLineCannotVerify() {
            List<String> lines = lines();
            lines.set(5, "{\"position\": \"not a line\"}");

            assertCannotVerify(verify(lines));
            assertCannotVerify(run("export", key, checkpoint, dir.resolve("absent.ndjson")));
        }
    }

    @Nested
    class Digests {

        @Test
        void theExportHoldsExactlyTheEventsTheDigestCovers() {
            Result result = run("digest", export, write("digest.json", digest(80)));

            assertValid(result);
            assertThat(result.out()).contains("40 events up to position 80");
        }

        @Test
        void aDigestTakenEarlierCoversTheEventsUpToItsPosition() {
            Result result = run("digest", export, write("digest.json", digest(60)));

            assertValid(result);
            assertThat(result.out()).contains("30 events up to position 60");
        }

        @Test
        void theChainHeadIsTheLastLinksChainHash() {
            Hash head = links.get(SIZE - 1).chainHash();

            assertThat(new ChainVerifier(EventSource.of(events), LinkSource.of(links)).recompute(80)).isEqualTo(head);
            assertThat(digest(80).get("digest").asText()).isEqualTo(head.hex());
        }

        @Test
        void anEditedLineIsInvalid() throws IOException {
            List<String> lines = Files.readAllLines(export);
            lines.set(16, lines.get(16).replace(Base64.getEncoder().encodeToString(leaf(16).payload()),
                    Base64.getEncoder().encodeToString(bytes("{\"participantId\":\"6666\"}"))));
            assertThat(lines.get(16)).isNotEqualTo(exportLines(events).get(16));

            Result result = run("digest", write("edited.ndjson", exportText(lines)), write("digest.json", digest(80)));

            assertInvalid(result);
            assertThat(result.out()).contains("position 34");
        }

        @Test
        void aRemovedLineIsInvalid() throws IOException {
            List<String> lines = Files.readAllLines(export);
            lines.remove(5);

            assertInvalid(run("digest", write("removed.ndjson", exportText(lines)), write("digest.json", digest(80))));
        }

        @Test
        void aDigestOfAnotherChainIsInvalid() {
            ObjectNode digest = digest(80);
            digest.put("digest", flippedHex(digest.get("digest").asText()));

            assertInvalid(run("digest", export, write("digest.json", digest)));
        }

        @Test
        void aDigestBeyondTheExportCannotVerify() {
            ObjectNode digest = digest(80);
            digest.put("position", 90);

            assertCannotVerify(run("digest", export, write("digest.json", digest)));
        }

        @Test
        void anUnreadableDigestOrExportCannotVerify() {
            assertCannotVerify(run("digest", export, write("digest.json", "{\"position\":\"80\"}")));
            assertCannotVerify(run("digest", export, write("digest2.json", "not json")));
            assertCannotVerify(run("digest", export, dir.resolve("absent.json")));
            assertCannotVerify(run("digest", dir.resolve("absent.ndjson"), write("digest3.json", digest(80))));
        }
    }

    @Nested
    class Usage {

        @Test
        void noCommandCannotVerify() {
            Result result = run();

            assertThat(result.code()).isEqualTo(LedgerVerifier.CANNOT_VERIFY);
            assertThat(result.err()).contains("Usage");
        }

        @Test
        void anUnknownCommandOrTheWrongNumberOfFilesCannotVerify() {
            assertThat(run("verify", key, checkpoint).code()).isEqualTo(LedgerVerifier.CANNOT_VERIFY);
            assertThat(run("checkpoint", key).code()).isEqualTo(LedgerVerifier.CANNOT_VERIFY);
            assertThat(run("inclusion", key, checkpoint).code()).isEqualTo(LedgerVerifier.CANNOT_VERIFY);
            assertThat(run("export", key, checkpoint, export, export).code())
                    .isEqualTo(LedgerVerifier.CANNOT_VERIFY);
        }
    }
}
