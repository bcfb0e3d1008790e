package no.trondelag.samhandling.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final PlainHttp commands;

    private LedgerNode(ConfigurableApplicationContext context) {
        this.context = context;
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
     * @return the running node
     * @throws ClassNotFoundException when the app module's classes are not on the classpath
     */
    public static LedgerNode start(Database database, boolean baseline) throws ClassNotFoundException {
        List<String> profiles = new ArrayList<>();
        if (database.postgres()) {
            profiles.add("postgres");
        }
        if (baseline) {
            profiles.add("baseline");
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(Class.forName(APPLICATION))
                .profiles(profiles.toArray(String[]::new));
        return new LedgerNode(builder.run("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--logging.level.root=WARN",
                "--logging.level.org.axonframework=ERROR", "--spring.datasource.hikari.maximum-pool-size=10"));
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
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM domainevententry", Long.class);
        long target = head == null ? -1 : head;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (StreamingEventProcessor processor : processors()) {
            while (!reached(processor, target)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Projection " + processor.getName() + " did not reach " + target
                            + " within " + timeout);
                }
                Thread.sleep(20);
            }
        }
    }

    private static boolean reached(StreamingEventProcessor processor, long target) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new IllegalStateException("The read side failed: " + segment.getError());
            }
            if (segment.getCurrentPosition().orElse(-1) < target) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rebuilds every projection from the first event, all at once, as {@code POST
     * /api/admin/projections/{name}/replay} does for one (stop, reset the tokens, start), and waits for all to reach
     * the head.
     *
     * @param timeout how long to wait at most
     * @return events rebuilt per second
     * @throws InterruptedException when interrupted
     */
    public double rebuild(Duration timeout) throws InterruptedException {
        long events = events();
        List<StreamingEventProcessor> processors = processors();
        long start = System.nanoTime();
        for (StreamingEventProcessor processor : processors) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        awaitCaughtUp(timeout);
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private List<StreamingEventProcessor> processors() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        return PROJECTIONS.stream().map(name -> processing.eventProcessor(name, StreamingEventProcessor.class)
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
