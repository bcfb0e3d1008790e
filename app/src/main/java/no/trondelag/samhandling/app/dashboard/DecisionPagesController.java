package no.trondelag.samhandling.app.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.governance.DecisionLog;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.governance.FindDecisions;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.app.ledger.LedgerCheckpoints;
import no.trondelag.samhandling.app.report.ActorVisibility;
import no.trondelag.samhandling.query.integrity.LedgerTree;
import no.trondelag.samhandling.query.integrity.StoredCheckpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Vedtak: the steering group's decision log, and each decision with its points, its corrections and every event
 * that cites it as authority, as of the chosen date. Who recorded an event is never shown here; the page is public.
 */
@Controller
@Hidden
class DecisionPagesController {

    private final DashboardSupport support;
    private final ActorVisibility actorVisibility;
    private final LedgerTree tree;
    private final LedgerCheckpoints checkpoints;

    DecisionPagesController(DashboardSupport support, ActorVisibility actorVisibility, LedgerTree tree,
                            LedgerCheckpoints checkpoints) {
        this.support = support;
        this.actorVisibility = actorVisibility;
        this.tree = tree;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/vedtak")
    String decisions(@RequestParam(required = false) String dato, Model model) {
        DashboardSupport.Page page = support.open(dato, "vedtak", "/vedtak", Map.of(), model);
        DecisionLog log = support.ask(new FindDecisions(page.readPoint(), null), DecisionLog.class);
        model.addAttribute("decisions", log.decisions());
        model.addAttribute("position", log.meta().position());
        return "dashboard/decisions";
    }

    @GetMapping("/vedtak/{decisionId}")
    String decision(@PathVariable String decisionId, @RequestParam(required = false) String dato, Model model) {
        DashboardSupport.Page page = support.open(dato, "vedtak",
                "/vedtak/" + UriUtils.encodePathSegment(decisionId, StandardCharsets.UTF_8), Map.of(), model);
        DecisionLog log = support.ask(new FindDecisions(page.readPoint(), decisionId), DecisionLog.class);
        DecisionView decision = log.decisions().stream().findFirst()
                .orElseThrow(() -> new PageNotFoundException("Styringsgruppen hadde ikke noe vedtak med id «"
                        + decisionId + "» per " + NorskFormat.INSTANCE.date(page.asOf().date()) + "."));
        List<HistoryEntry> citedBy = actorVisibility.forCurrentReader(decision.citedBy());
        model.addAttribute("decision", decision);
        model.addAttribute("original", decision.recorded().event() instanceof SteeringGroupDecisionRecorded recorded
                ? recorded : null);
        model.addAttribute("corrections", decision.corrections().stream()
                .map(entry -> new Correction(entry, entry.event() instanceof SteeringGroupDecisionCorrected c
                        ? c : null))
                .toList());
        model.addAttribute("effects", citedBy.stream()
                .map(entry -> page.descriptions().describe(entry, null))
                .toList());
        model.addAttribute("position", log.meta().position());
        model.addAttribute("proof", proof(decision));
        model.addAttribute("bundle", "/api/ledger/proofs/decisions/"
                + UriUtils.encodePathSegment(decisionId, StandardCharsets.UTF_8));
        return "dashboard/decision";
    }

    /** How many of the decision's events shown are in the latest signed checkpoint, and how many came after it. */
    private Proof proof(DecisionView decision) {
        StoredCheckpoint checkpoint = checkpoints.latest();
        List<HistoryEntry> entries = new ArrayList<>();
        entries.add(decision.recorded());
        entries.addAll(decision.corrections());
        entries.addAll(decision.citedBy());
        long covered = tree.countLeaves(entries.stream().map(HistoryEntry::position).toList(),
                checkpoint.treeSize());
        return new Proof(checkpoint.treeSize(), checkpoint.signedAt(), decision.citedBy().size(),
                entries.size() - covered);
    }

    /**
     * What the page says about the decision's place in the signed checkpoint.
     *
     * @param treeSize  how many events the latest checkpoint covers
     * @param signedAt  when it was signed
     * @param citations how many events citing the decision the page shows
     * @param pending   how many of the decision's events came after the checkpoint
     */
    public record Proof(long treeSize, Instant signedAt, int citations, long pending) {
    }

    /**
     * A correction of a decision.
     *
     * @param entry     the event with its times
     * @param corrected what it changed the decision to, or {@code null} when the event is of another shape
     */
    public record Correction(HistoryEntry entry, SteeringGroupDecisionCorrected corrected) {
    }
}
