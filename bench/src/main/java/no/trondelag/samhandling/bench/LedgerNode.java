package no.trondelag.samhandling.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.ObjectName;
import no.trondelag.samhandling.api.common.LedgerCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One ledger application started in this JVM on one database, in the ledger's own configuration or in the
 * {@code baseline} profile, and driven in-process (through its command gateway) or over HTTP.
 */
public final class LedgerNode implements AutoCloseable {

    /** The processing group that builds every read-side view. */
    public static final List<String> PROJECTIONS = List.of("participation", "participant-timeline", "funding",
            "initiatives", "goal-progress", "decision-log", "ledger-log");

    private static final String APPLICATION = "no.trondelag.samhandling.app.LedgerApplication";

    private final ConfigurableApplicationContext context;
    private final List<String> processors;
    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final PlainHttp commands;

    private LedgerNode(ConfigurableApplicationContext context, List<String> processors) {
        this.context = context;
        this.processors = processors;
        this.gateway = context.getBean(CommandGateway.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.commands = new PlainHttp(port);
    }

    /**
     * Starts the application on a database.
     *
     * @param database the database
     * @param baseline whether to start in the {@code baseline} profile (Axon's defaults)
     * @return the running node, whose rebuild is the projections'
     * @throws ClassNotFoundException when the app module's classes are not on the classpath
     */
    public static LedgerNode start(Database database, boolean baseline) throws ClassNotFoundException {
        return start(database, baseline ? List.of("baseline") : List.of(), List.of(), PROJECTIONS);
    }

    /**
     * Starts the application on a database with {@link AxonFloor}'s seven processors that do nothing beside the
     * projections.
     *
     * @param database the database
     * @return the running node, whose rebuild is the seven processors' that do nothing
     * @throws ClassNotFoundException when the app module's classes are not on the classpath
     */
    public static LedgerNode startWithAxonFloor(Database database) throws ClassNotFoundException {
        return start(database, List.of(), List.of(AxonFloor.class), AxonFloor.PROCESSORS);
    }

    private static LedgerNode start(Database database, List<String> extraProfiles, List<Class<?>> extraSources,
                                    List<String> rebuilt) throws ClassNotFoundException {
        List<String> profiles = new ArrayList<>();
        if (database.postgres()) {
            profiles.add("postgres");
        }
        profiles.addAll(extraProfiles);
        List<Class<?>> sources = new ArrayList<>(List.of(Class.forName(APPLICATION)));
        sources.addAll(extraSources);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .profiles(profiles.toArray(String[]::new));
        return new LedgerNode(builder.run("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--logging.level.root=WARN",
                "--logging.level.org.axonframework=ERROR", "--spring.datasource.hikari.maximum-pool-size=10",
                "--ledger.integrity.checkpoints.key-file="),
                rebuilt);
    }

    /**
     * A bean of the running application.
     *
     * @param type its type
     * @param <T>  its type
     * @return the bean
     */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * A bean of the running application, by name.
     *
     * @param name its name
     * @param type a type it has
     * @param <T>  that type
     * @return the bean
     */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /**
     * Sends a command in-process as the {@code bench} actor and waits for it to commit.
     *
     * @param command the command
     * @return whether the ledger accepted it
     */
    public boolean send(LedgerCommand command) {
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                    "actor", "bench", "correlationId", UUID.randomUUID().toString()))));
            return true;
        } catch (RuntimeException rejected) {
            return false;
        }
    }

    /**
     * Sends a command over HTTP as the secretariat, with headers and body in one write ({@link PlainHttp}).
     *
     * @param name the command's name
     * @param json its body
     * @return the HTTP status
     * @throws Exception when the request fails
     */
    public int post(String name, String json) throws Exception {
        return commands.post("/api/commands/" + name, "Basic " + Base64.getEncoder()
                .encodeToString("secretariat:secretariat".getBytes(StandardCharsets.UTF_8)), json);
    }

    /**
     * A GET, with an optional {@code If-None-Match}.
     *
     * @param path the path and query
     * @param ifNoneMatch the tag, or {@code null}
     * @return the response
     * @throws Exception when the request fails
     */
    public HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * The node's JDBC template.
     *
     * @return it
     */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * How many events the store holds.
     *
     * @return the count
     */
    public long events() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Waits until the read side has handled every stored event.
     *
     * @param timeout how long to wait at most
     * @throws InterruptedException when interrupted
     */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        long target = head();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (StreamingEventProcessor processor : processors(PROJECTIONS)) {
            while (position(processor) < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Projection " + processor.getName() + " did not reach " + target
                            + " within " + timeout);
                }
                Thread.sleep(20);
            }
        }
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    /** The position a processor's slowest segment stands at, -1 while it holds none. */
    private static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        long lowest = status.isEmpty() ? -1 : Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new IllegalStateException("The read side failed: " + segment.getError());
            }
            lowest = Math.min(lowest, segment.getCurrentPosition().orElse(-1));
        }
        return lowest;
    }

    /**
     * Rebuilds this node's processors (the projections, or the processors that do nothing) from the first event, all
     * at once, as {@code POST /api/admin/projections/{name}/replay} does for one (stop, reset the tokens, start),
     * and waits for all to reach the head. A rebuild that would take longer than a time limit is measured over the
     * events the slowest processor handled within it, and left running.
     *
     * @param limit how long to measure at most
     * @return the rebuild's rate, and whether it was measured over part of the ledger
     * @throws InterruptedException when interrupted
     */
    public Rebuild rebuild(Duration limit) throws InterruptedException {
        long events = events();
        long target = head();
        List<StreamingEventProcessor> rebuilt = processors(processors);
        long start = System.nanoTime();
        for (StreamingEventProcessor processor : rebuilt) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        while (true) {
            long lowest = rebuilt.stream().mapToLong(LedgerNode::position).min().orElse(-1);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (lowest >= target) {
                return new Rebuild(events / seconds, false);
            }
            if (seconds > limit.toSeconds()) {
                if (lowest <= 0) {
                    throw new IllegalStateException("The rebuild handled nothing within " + limit);
                }
                return new Rebuild((lowest + 1) / seconds, true);
            }
            Thread.sleep(20);
        }
    }

    /**
     * A rebuild's rate.
     *
     * @param eventsPerSecond events rebuilt per second
     * @param partial         whether it was measured over the part rebuilt within the time limit
     */
    public record Rebuild(double eventsPerSecond, boolean partial) {
    }

    /**
     * The heap this JVM still uses after a full garbage collection: what the ledger keeps in memory.
     *
     * @return the live heap, in MiB
     * @throws InterruptedException when interrupted
     */
    public static double liveHeapMib() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int collection = 0; collection < 3; collection++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /**
     * Writes the class histogram of this JVM's live objects (as {@code jcmd GC.class_histogram} prints it), to see
     * what the live heap holds.
     *
     * @param file where to write it
     * @throws Exception when the diagnostic command or the write fails
     */
    public static void writeClassHistogram(Path file) throws Exception {
        Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Files.writeString(file, String.valueOf(histogram));
    }

    private List<StreamingEventProcessor> processors(List<String> names) {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        return names.stream().map(name -> processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name))).toList();
    }

    /**
     * Runs a task on several threads at once and waits for all of them.
     *
     * @param threads how many
     * @param task what each thread does, given its number
     * @return the elapsed seconds
     * @throws Exception when a task fails
     */
    public static double parallel(int threads, ThreadTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    task.run(thread);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    /** What one thread of {@link #parallel} does. */
    @FunctionalInterface
    public interface ThreadTask {

        /**
         * Runs the task.
         *
         * @param thread the thread's number, from 0
         * @throws Exception when it fails
         */
        void run(int thread) throws Exception;
    }

    @Override
    public void close() {
        context.close();
    }
}
