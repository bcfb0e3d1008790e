package no.trondelag.samhandling.bench;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import no.trondelag.samhandling.query.integrity.LedgerChain;
import no.trondelag.samhandling.query.integrity.LedgerTree;
import no.trondelag.samhandling.verifier.ChainHead;
import no.trondelag.samhandling.verifier.ExportLine;
import no.trondelag.samhandling.verifier.LedgerVerifier;
import org.springframework.context.SmartLifecycle;

/**
 * The verifiable ledger's figures (ADR 0031): what extending the chain and its Merkle tree costs commands, how fast
 * inclusion and consistency proofs are answered, and how fast the standalone verifier checks an export.
 */
final class IntegrityBench {

    private static final int PROOF_SAMPLES = 200;
    private static final int EXPORT_PAGE = 10_000;
    /** Fifty times as often as the ledger's default (ledger.integrity.advance-interval, 5 s). */
    private static final Duration EXTEND_EVERY = Duration.ofMillis(100);

    private final LedgerNode node;
    private final LedgerChain chain;
    private final LedgerTree tree;

    IntegrityBench(LedgerNode node) {
        this.node = node;
        this.chain = node.bean(LedgerChain.class);
        this.tree = node.bean(LedgerTree.class);
    }

    /**
     * Extends the chain and tree over every stored event and signs a checkpoint of them.
     *
     * @return the checkpoint, as {@code GET /api/ledger/checkpoint} answers it
     * @throws Exception when interrupted while a gap settles, or the checkpoint cannot be read
     */
    String catchUp() throws Exception {
        long stored = node.events();
        for (int attempt = 0; attempt < 120; attempt++) {
            ChainHead head = chain.advance();
            if (tree.head().size() >= stored || head.position() >= maxPosition()) {
                return checkpoint();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The chain did not reach the head of the event store in a minute");
    }

    private String checkpoint() throws Exception {
        return text("/api/ledger/checkpoint");
    }

    private String text(String path) throws Exception {
        HttpResponse<byte[]> response = node.get(path, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static long size(String checkpoint) {
        return Long.parseLong(checkpoint.split("\n")[1]);
    }

    private long maxPosition() {
        Long max = node.jdbc().queryForObject("SELECT MAX(globalIndex) FROM domainevententry", Long.class);
        return max == null ? 0 : max;
    }

    /**
     * The median latency of commands sent one after the other in-process, with the background extension of the
     * chain stopped, and either nothing else or a thread extending the chain and tree and signing a checkpoint
     * ({@code GET /api/ledger/checkpoint}) every 100 ms beside them, fifty times as often as the ledger does.
     *
     * @param participants the participants to assess
     * @param count        how many commands
     * @param extending    whether the chain and tree are extended beside the commands
     * @return the median in milliseconds
     * @throws InterruptedException when interrupted
     */
    double commandMillis(List<String> participants, int count, boolean extending) throws InterruptedException {
        SmartLifecycle scheduler = node.bean("ledgerChainScheduler", SmartLifecycle.class);
        scheduler.stop();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread extender = new Thread(() -> {
            try {
                while (running.get()) {
                    checkpoint();
                    Thread.sleep(EXTEND_EVERY.toMillis());
                }
            } catch (Exception e) {
                throw new IllegalStateException("Extending the tree failed", e);
            }
        }, "bench-tree-extender");
        if (extending) {
            extender.start();
        }
        try {
            Random random = new Random(count);
            List<Double> millis = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                if (!node.send(Benchmarks.assessment(participants.get(i % participants.size()), random))) {
                    throw new IllegalStateException("A measured command was refused");
                }
                millis.add((System.nanoTime() - start) / 1e6);
            }
            return new Samples(millis).median();
        } finally {
            running.set(false);
            if (extending) {
                extender.join();
            }
            scheduler.start();
        }
    }

    /**
     * The median latency over HTTP of inclusion proofs of events at random leaves, against the latest checkpoint.
     *
     * @return the median in milliseconds
     * @throws Exception when a request fails
     */
    double inclusionMillis() throws Exception {
        long size = size(checkpoint());
        Random random = new Random(size);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < PROOF_SAMPLES; i++) {
            long leaf = (long) (random.nextDouble() * size);
            Long position = node.jdbc().queryForObject("SELECT position FROM ledger_tree_leaf WHERE leaf_index = ?",
                    Long.class, leaf);
            paths.add("/api/ledger/proofs/inclusion?position=" + position + "&treeSize=" + size);
        }
        return medianMillis(paths);
    }

    /**
     * The median latency over HTTP of consistency proofs from random tree sizes to the latest checkpoint's.
     *
     * @return the median in milliseconds
     * @throws Exception when a request fails
     */
    double consistencyMillis() throws Exception {
        long size = size(checkpoint());
        Random random = new Random(size + 1);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < PROOF_SAMPLES; i++) {
            paths.add("/api/ledger/proofs/consistency?from=" + (1 + (long) (random.nextDouble() * (size - 1)))
                    + "&to=" + size);
        }
        return medianMillis(paths);
    }

    private double medianMillis(List<String> paths) throws Exception {
        return Benchmarks.latencyMillis(node, paths.size(), paths::get);
    }

    /**
     * Writes an export of every event as {@code GET /api/ledger/events} gives it, with the latest checkpoint and the
     * key, then times the standalone verifier checking the export against the checkpoint.
     *
     * @param work where the files go
     * @return the events checked per second
     * @throws Exception when the export cannot be written or does not verify
     */
    double verifierEventsPerSecond(Path work) throws Exception {
        String checkpoint = checkpoint();
        Path export = work.resolve("export.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            long after = 0;
            while (true) {
                Map<Long, Long> leaves = tree.leafIndexes(after, EXPORT_PAGE);
                long[] last = {after};
                chain.export(after, EXPORT_PAGE, (event, link) -> {
                    try {
                        out.write(ExportLine.of(event, link, leaves.get(event.position())).write());
                        out.write('\n');
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    last[0] = event.position();
                });
                if (last[0] == after) {
                    break;
                }
                after = last[0];
            }
        }
        Path note = Files.writeString(work.resolve("checkpoint.txt"), checkpoint);
        Path key = Files.writeString(work.resolve("key.txt"), text("/api/ledger/checkpoint/key"));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        long start = System.nanoTime();
        int status = LedgerVerifier.run(new String[] {"export", key.toString(), note.toString(), export.toString()},
                quiet, quiet);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != LedgerVerifier.VALID) {
            throw new IllegalStateException("The export did not verify against its checkpoint: " + status);
        }
        return size(checkpoint) / seconds;
    }
}
