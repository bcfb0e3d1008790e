package no.trondelag.samhandling.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import no.trondelag.samhandling.api.goals.RecordMaturityAssessment;

/**
 * The benchmark harness (ADR 0022): for each size, generates a synthetic ledger, measures the ledger in-process and
 * over HTTP, the raw JDBC limit of the same database, and the same application in the {@code baseline} profile,
 * then writes one Markdown table per size with medians, spreads, ratios and whether each target is met.
 * <p>
 * Arguments: {@code --store=h2|postgres|jdbc:postgresql://...}, {@code --db-user}, {@code --db-password},
 * {@code --sizes=10000,100000}, {@code --rounds=5}, {@code --commands=400} (per round and figure),
 * {@code --rebuild-limit=3600} (seconds; a longer rebuild is measured over the part rebuilt by then),
 * {@code --out=docs/performance.md}. Run it with {@code bench/run}.
 */
public final class Benchmarks {

    private static final Duration CATCH_UP = Duration.ofMinutes(60);
    private static final Duration LOAD = Duration.ofSeconds(2);
    private static final int LATENCY_SAMPLES = 15;

    private final Map<String, String> options;
    private final int rounds;
    private final int commands;
    private final List<String> lines = new ArrayList<>();
    private final Duration rebuildLimit;
    private final Set<String> partial = new HashSet<>();
    private final Map<Long, Double> liveHeap = new LinkedHashMap<>();

    private Benchmarks(Map<String, String> options) {
        this.options = options;
        this.rebuildLimit = Duration.ofSeconds(Long.parseLong(options.getOrDefault("rebuild-limit",
                String.valueOf(CATCH_UP.toSeconds()))));
        this.rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        this.commands = Integer.parseInt(options.getOrDefault("commands", "400"));
    }

    /**
     * Runs the harness.
     *
     * @param args the arguments, as {@code --name=value}
     * @throws Exception when a measurement fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Arguments are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        try {
            new Benchmarks(options).run();
        } catch (Exception | Error failure) {
            // the ledger's threads would keep the JVM alive after a failed measurement
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Path out = Path.of(options.getOrDefault("out", "bench/target/performance.md"));
        Path work = Path.of("bench", "target", "bench-data");
        Files.createDirectories(work);
        List<Long> sizes = new ArrayList<>();
        for (String size : options.getOrDefault("sizes", "10000").split(",")) {
            sizes.add(Long.parseLong(size.trim()));
        }
        String command = "bench/run " + String.join(" ", options.entrySet().stream()
                .map(option -> "--" + option.getKey() + "=" + option.getValue()).toList());
        try (Store store = Store.open(options.getOrDefault("store", "h2"), options.getOrDefault("db-user", ""),
                options.getOrDefault("db-password", ""), work)) {
            lines.add("### " + store.name() + ", " + Instant.now().toString().substring(0, 16) + "Z");
            lines.add("");
            lines.add("Command: `" + command + "`  ");
            lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average before the run "
                    + loadAverage() + "; JDK " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vm.name") + "), max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; " + rounds + " rounds of "
                    + commands + " commands per command figure.");
            lines.add("");
            for (long size : sizes) {
                measure(store, size);
            }
            heapAcrossSizes();
            lines.add("Peak RSS of the benchmark JVM (VmHWM, everything above in one process): "
                    + peakRss() + "; load average after the run " + loadAverage() + ".");
            lines.add("");
        }
        write(out);
        System.out.println(String.join(System.lineSeparator(), lines));
    }

    private void measure(Store store, long size) throws Exception {
        Database database = store.create("ledger_" + size);
        int hotEvents = (int) Math.min(10_000, size / 10);
        SyntheticLedger ledger = new SyntheticLedger(size, hotEvents);
        Map<String, Samples> figures = new LinkedHashMap<>();
        double generation;
        long events;
        boolean etag;
        try (LedgerNode ours = LedgerNode.start(database, false)) {
            generation = ledger.generate(ours);
            events = ours.events();
            ours.awaitCaughtUp(CATCH_UP);
            List<String> participants = ledger.participants();
            etag = etagAnswers304(ours);
            IntegrityBench integrity = new IntegrityBench(ours);
            integrity.catchUp();
            for (int round = 0; round < rounds; round++) {
                add(figures, "cmdPlain", integrity.commandMillis(participants, commands, false));
                add(figures, "cmdTree", integrity.commandMillis(participants, commands, true));
                integrity.catchUp();
                add(figures, "inclusion", integrity.inclusionMillis());
                add(figures, "consistency", integrity.consistencyMillis());
                add(figures, "verifier", integrity.verifierEventsPerSecond(Path.of("bench", "target", "bench-data")));
                add(figures, "inproc1", inProcess(ours, 1, participants));
                add(figures, "inproc4", inProcess(ours, 4, participants));
                add(figures, "http8", overHttp(ours, participants));
                add(figures, "hot", hotCommandMillis(ours));
                add(figures, "reports", throughput(ours, "/api/reports/participation"));
                add(figures, "health", throughput(ours, "/actuator/health"));
                add(figures, "live", latencyMillis(ours, "/api/reports/participation"));
                add(figures, "asOf", latencyMillis(ours, "/api/reports/participation?asOf=2021-06-30"));
                add(figures, "knownAt", latencyMillis(ours,
                        "/api/reports/participation?knownAt=" + Instant.now().minusSeconds(60)));
                int firstDay = round * LATENCY_SAMPLES;
                add(figures, "asOfCold", latencyMillis(ours, sample -> "/api/reports/participation?asOf="
                        + LocalDate.of(2020, 1, 1).plusDays(firstDay + sample)));
                ours.awaitCaughtUp(CATCH_UP);
                add(figures, "heap", LedgerNode.liveHeapMib());
                System.out.printf(Locale.ROOT, "%,d events, round %d: live heap %.1f MiB%n", size, round,
                        figures.get("heap").median());
                if (options.containsKey("heap-histogram")) {
                    LedgerNode.writeClassHistogram(Path.of("bench", "target", "heap-" + size + "-" + round + ".txt"));
                }
                rebuild(figures, "rebuild", ours);
            }
        }
        try (LedgerNode floor = LedgerNode.startWithAxonFloor(database)) {
            for (int round = 0; round < rounds; round++) {
                rebuild(figures, "floor", floor);
            }
        }
        liveHeap.put(size, figures.get("heap").median());
        RawJdbc raw = new RawJdbc(database);
        raw.createTable();
        for (int round = 0; round < rounds; round++) {
            add(figures, "raw1", raw.singleEventCommits(1, commands));
            add(figures, "raw4", raw.singleEventCommits(4, commands / 4));
            add(figures, "scan", raw.scan());
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // the baseline has no snapshots: it must not read the ones the tuned run took
            statement.execute("DELETE FROM snapshotevententry");
        }
        try (LedgerNode baseline = LedgerNode.start(database, true)) {
            baseline.awaitCaughtUp(CATCH_UP);
            List<String> participants = ledger.participants();
            for (int round = 0; round < rounds; round++) {
                add(figures, "baseHttp8", overHttp(baseline, participants));
                baseline.awaitCaughtUp(CATCH_UP);
                rebuild(figures, "baseRebuild", baseline);
            }
        }
        table(store, size, events, generation, ledger, hotEvents, figures, etag);
    }

    private void table(Store store, long size, long events, double generation, SyntheticLedger ledger,
                       int hotEvents, Map<String, Samples> f, boolean etag) {
        boolean postgres = !store.name().startsWith("H2");
        lines.add("#### " + String.format(Locale.ROOT, "%,d", size) + " events requested, " + events
                + " stored (generated at " + Samples.format(generation) + " events/s in-process, 4 threads; "
                + ledger.rejected() + " synthetic commands refused by the ledger's rules and not counted)");
        lines.add("");
        lines.add("| Figure | Median (min–max) | Ratio (median) | Target | Met? |");
        lines.add("|---|---|---|---|---|");
        row("Raw JDBC single-event commits, 1 thread (events/s)", f.get("raw1"), "", "", "");
        row("Raw JDBC single-event commits, 4 threads (events/s)", f.get("raw4"), "", "", "");
        row("Raw JDBC scan by global index (events/s)", f.get("scan"), "", "", "");
        ratioRow("Commands in-process, 1 thread (commands/s)", f.get("inproc1"), f.get("raw1"), "of raw 1 thread",
                0.4, postgres);
        ratioRow("Commands in-process, 4 threads (commands/s)", f.get("inproc4"), f.get("raw4"), "of raw 4 threads",
                0.4, postgres);
        ratioRow("Commands over HTTP, 8 clients (commands/s)", f.get("http8"), f.get("baseHttp8"), "of baseline",
                2.0, true);
        row("Baseline profile: commands over HTTP, 8 clients (commands/s)", f.get("baseHttp8"), "", "", "");
        ratioRow("Projection rebuild, all views (events/s)" + partly("rebuild"), f.get("rebuild"),
                f.get("baseRebuild"), "of baseline", 5.0, true);
        row("Projection rebuild as a share of the raw scan", null, String.format(Locale.ROOT, "%.2f %%",
                100 * f.get("rebuild").median() / f.get("scan").median()), "≥ 50,000 events/s at 1M on "
                + "PostgreSQL", size >= 1_000_000 && postgres
                ? (f.get("rebuild").median() >= 50_000 ? "met" : "missed") : "not at this size/store");
        row("Baseline profile: projection rebuild (events/s)" + partly("baseRebuild"), f.get("baseRebuild"), "", "",
                "");
        row("Axon's floor: rebuild of seven pooled processors whose handlers do nothing (events/s)"
                + partly("floor"), f.get("floor"), String.format(Locale.ROOT, "projections at %.0f %%",
                100 * f.get("rebuild").median() / f.get("floor").median()), "", "");
        ratioRow("Report GETs, 8 clients (requests/s)", f.get("reports"), f.get("health"), "of /actuator/health",
                0.5, true);
        row("`/actuator/health`, 8 clients (requests/s)", f.get("health"), "", "", "");
        row("ETag on reports, `If-None-Match` answered 304", null, "", "yes", etag ? "met" : "missed");
        row("Live participation report, latency (ms)", f.get("live"), "", "", "");
        ratioRow("As-of report, latency (ms)", f.get("asOf"), f.get("live"), "of live", -10.0,
                size >= 1_000_000);
        ratioRow("knownAt report, latency (ms)", f.get("knownAt"), f.get("live"), "of live", -10.0,
                size >= 1_000_000);
        ratioRow("As-of report at a date not read before, latency (ms)", f.get("asOfCold"), f.get("live"),
                "of live", -3.0, size >= 1_000_000 && postgres);
        row("Live heap after a full GC, the whole benchmark JVM (MiB)", f.get("heap"), "", "", "");
        row("Commands in-process one after another, chain and tree not extended (p50 ms)", f.get("cmdPlain"), "",
                "", "");
        ratioRow("Commands in-process one after another, chain and tree extended and signed every 100 ms (p50 ms)",
                f.get("cmdTree"), f.get("cmdPlain"), "of not extended", -1.05, size >= 1_000_000);
        row("Inclusion proof over HTTP against the latest checkpoint (p50 ms)", f.get("inclusion"), "",
                "≤ 5 ms p50 at 1M", size >= 1_000_000 ? (f.get("inclusion").median() <= 5 ? "met" : "missed")
                        : "not at this size/store");
        row("Consistency proof over HTTP to the latest checkpoint (p50 ms)", f.get("consistency"), "",
                "≤ 5 ms p50 at 1M", size >= 1_000_000 ? (f.get("consistency").median() <= 5 ? "met" : "missed")
                        : "not at this size/store");
        row("Standalone verifier, an export checked against a checkpoint (events/s)", f.get("verifier"), "",
                "≥ 200,000 events/s at 1M", size >= 1_000_000 ? (f.get("verifier").median() >= 200_000 ? "met"
                        : "missed") : "not at this size/store");
        row("Command on a participant with " + hotEvents + " events, snapshots on (p50 ms: load, decide, append)",
                f.get("hot"), "", "load ≤ 3 ms p50 at 10k events on PostgreSQL",
                hotEvents >= 10_000 && postgres ? (f.get("hot").median() <= 3 ? "met" : "missed (upper bound)")
                        : "not at this size/store");
        lines.add("");
    }

    private void rebuild(Map<String, Samples> figures, String name, LedgerNode node) throws InterruptedException {
        LedgerNode.Rebuild rebuild = node.rebuild(rebuildLimit);
        add(figures, name, rebuild.eventsPerSecond());
        if (rebuild.partial()) {
            partial.add(name);
        }
    }

    /** Says when a rebuild was measured over the part rebuilt within the time limit. */
    private String partly(String name) {
        return partial.remove(name) ? " (over the first " + rebuildLimit.toSeconds() + " s)" : "";
    }

    /** The live heap at the largest size against the smallest, when a run measured more than one. */
    private void heapAcrossSizes() {
        if (liveHeap.size() < 2) {
            return;
        }
        long smallest = liveHeap.keySet().stream().min(Long::compare).orElseThrow();
        long largest = liveHeap.keySet().stream().max(Long::compare).orElseThrow();
        double ratio = liveHeap.get(largest) / liveHeap.get(smallest);
        lines.add(String.format(Locale.ROOT, "Live heap after a full GC: %s MiB at %,d events, %s MiB at %,d events: "
                + "%s× (target at 1M against 10k: ≤ 1.5×; %s).", Samples.format(liveHeap.get(smallest)), smallest,
                Samples.format(liveHeap.get(largest)), largest, Samples.format(ratio),
                smallest <= 10_000 && largest >= 1_000_000 ? (ratio <= 1.5 ? "met" : "missed")
                        : "not at these sizes"));
        lines.add("");
    }

    /** A ratio row: a positive target is a floor on the ratio, a negative one a ceiling. */
    private void ratioRow(String figure, Samples value, Samples reference, String of, double target,
                          boolean applies) {
        double ratio = value.median() / reference.median();
        String wanted = target > 0 ? "≥ " + Samples.format(target) + "×" : "≤ " + Samples.format(-target) + "×";
        String met = !applies ? "not at this size/store"
                : (target > 0 ? ratio >= target : ratio <= -target) ? "met" : "missed";
        row(figure, value, Samples.format(ratio) + "× " + of, wanted, met);
    }

    private void row(String figure, Samples value, String ratio, String target, String met) {
        lines.add("| " + figure + " | " + (value == null ? "" : value.describe()) + " | " + ratio + " | " + target
                + " | " + met + " |");
    }

    private static void add(Map<String, Samples> figures, String name, double value) {
        List<Double> values = new ArrayList<>();
        Samples existing = figures.get(name);
        if (existing != null) {
            values.addAll(existing.values());
        }
        values.add(value);
        figures.put(name, new Samples(values));
    }

    private double inProcess(LedgerNode node, int threads, List<String> participants) throws Exception {
        AtomicLong refused = new AtomicLong();
        double seconds = LedgerNode.parallel(threads, thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < commands / threads; i++) {
                String participant = participants.get((thread + threads * i) % participants.size());
                if (!node.send(assessment(participant, random))) {
                    refused.incrementAndGet();
                }
            }
        });
        check(refused);
        return (commands / threads) * threads / seconds;
    }

    private double overHttp(LedgerNode node, List<String> participants) throws Exception {
        AtomicLong refused = new AtomicLong();
        int threads = 8;
        double seconds = LedgerNode.parallel(threads, thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < commands / threads; i++) {
                String participant = participants.get((thread + threads * i) % participants.size());
                RecordMaturityAssessment command = assessment(participant, random);
                int status = node.post("RecordMaturityAssessment", """
                        {"participantId":"%s","assessedOn":"%s","score":%s}""".formatted(command.participantId(),
                        command.assessedOn(), command.score().toPlainString()));
                if (status != 200) {
                    refused.incrementAndGet();
                }
            }
        });
        check(refused);
        return (commands / threads) * threads / seconds;
    }

    private static void check(AtomicLong refused) {
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " measured commands were refused");
        }
    }

    private double hotCommandMillis(LedgerNode node) {
        Random random = new Random();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            if (!node.send(assessment(SyntheticLedger.HOT_PARTICIPANT, random))) {
                throw new IllegalStateException("A command on the hot participant was refused");
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return new Samples(millis).median();
    }

    private static double throughput(LedgerNode node, String path) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + LOAD.toNanos();
        double seconds = LedgerNode.parallel(8, thread -> {
            while (System.nanoTime() < end) {
                HttpResponse<byte[]> response = node.get(path, null);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode());
                }
                done.incrementAndGet();
            }
        });
        return done.get() / seconds;
    }

    private static double latencyMillis(LedgerNode node, String path) throws Exception {
        return latencyMillis(node, LATENCY_SAMPLES, sample -> path);
    }

    private static double latencyMillis(LedgerNode node, java.util.function.IntFunction<String> paths)
            throws Exception {
        return latencyMillis(node, LATENCY_SAMPLES, paths);
    }

    /**
     * The median latency of requests made one after the other.
     *
     * @param node    the node
     * @param samples how many requests
     * @param paths   the path of each request, by its number
     * @return the median in milliseconds
     * @throws Exception when a request fails
     */
    static double latencyMillis(LedgerNode node, int samples, java.util.function.IntFunction<String> paths)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String path = paths.apply(i);
            long start = System.nanoTime();
            HttpResponse<byte[]> response = node.get(path, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return new Samples(millis).median();
    }

    private static boolean etagAnswers304(LedgerNode node) throws Exception {
        HttpResponse<byte[]> first = node.get("/api/reports/participation", null);
        String tag = first.headers().firstValue("ETag").orElse(null);
        return tag != null && node.get("/api/reports/participation", tag).statusCode() == 304;
    }

    static RecordMaturityAssessment assessment(String participant, Random random) {
        LocalDate date = LocalDate.of(2019 + random.nextInt(6), 1, 1).plusDays(random.nextInt(360));
        return new RecordMaturityAssessment(participant, date, BigDecimal.valueOf(10 + random.nextInt(41), 1), null);
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.2f", load);
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException unreadable) {
            // not on Linux
        }
        return "not available";
    }

    private void write(Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        String marker = "<!-- bench results -->";
        String results = marker + System.lineSeparator() + String.join(System.lineSeparator(), lines)
                + System.lineSeparator();
        if (Files.exists(out)) {
            String existing = Files.readString(out);
            int at = existing.indexOf(marker);
            if (at >= 0) {
                // the newest run goes right under the marker, older runs stay below it
                Files.writeString(out, existing.substring(0, at) + results
                        + existing.substring(at + marker.length()));
                return;
            }
            Files.writeString(out, existing + System.lineSeparator() + results);
            return;
        }
        Files.writeString(out, "# Benchmark results" + System.lineSeparator() + System.lineSeparator() + results);
    }
}
