package no.trondelag.samhandling.app.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.app.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on the read side, for ADMIN only: projection status and replays, and the dead-letter queues.
 */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin")
class AdminController {

    private final Projections projections;
    private final DeadLetters deadLetters;

    AdminController(Projections projections, DeadLetters deadLetters) {
        this.projections = projections;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/projections")
    @Operation(summary = "Each projection's position, the event store's head, the lag, and replay progress")
    List<ProjectionStatus> projections() {
        return projections.statuses();
    }

    @GetMapping("/projections/{name}")
    @Operation(summary = "One projection's status")
    ProjectionStatus projection(@PathVariable String name) {
        return projections.status(name).orElseThrow(() -> unknown(name));
    }

    @PostMapping("/projections/{name}/replay")
    @Operation(summary = "Rebuild a projection from the first event while commands keep being accepted")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(projections.replay(name).orElseThrow(() -> unknown(name)));
    }

    @PostMapping("/projections/{name}/pause")
    @Operation(summary = "Stop a projection on this node; its segments go to the other nodes")
    ProjectionStatus pause(@PathVariable String name) {
        return projections.pause(name).orElseThrow(() -> unknown(name));
    }

    @PostMapping("/projections/{name}/resume")
    @Operation(summary = "Start a projection on this node again; it claims its share of the segments")
    ProjectionStatus resume(@PathVariable String name) {
        return projections.resume(name).orElseThrow(() -> unknown(name));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Events each projection failed to handle, waiting in its dead-letter queue")
    Map<String, List<DeadLetters.Letter>> deadLetters() {
        return deadLetters.all();
    }

    @PostMapping("/dead-letters/{name}/retry")
    @Operation(summary = "Retry a projection's dead letters; those that fail again stay queued")
    Map<String, Object> retry(@PathVariable String name) {
        int processed = deadLetters.retry(name).orElseThrow(() -> unknown(name));
        return Map.of("processingGroup", name, "sequencesProcessed", processed,
                "remaining", deadLetters.all().getOrDefault(name, List.of()).size());
    }

    private static NotFoundException unknown(String name) {
        return new NotFoundException("No projection (streaming processor) named " + name);
    }
}
