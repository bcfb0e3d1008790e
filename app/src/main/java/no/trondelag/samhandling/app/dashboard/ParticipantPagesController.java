package no.trondelag.samhandling.app.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import no.trondelag.samhandling.api.participation.FindParticipant;
import no.trondelag.samhandling.api.participation.FindParticipantHistory;
import no.trondelag.samhandling.api.participation.ParticipantDetail;
import no.trondelag.samhandling.api.participation.ParticipantHistory;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.app.report.ActorVisibility;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Kommuner: every participant registered at the chosen date, searchable by name or number and by region, and each
 * participant's timeline across merges with the authority (hjemmel) behind each event.
 */
@Controller
@Hidden
class ParticipantPagesController {

    private final DashboardSupport support;
    private final ActorVisibility actorVisibility;

    ParticipantPagesController(DashboardSupport support, ActorVisibility actorVisibility) {
        this.support = support;
        this.actorVisibility = actorVisibility;
    }

    @GetMapping("/kommuner")
    String participants(@RequestParam(required = false) String dato, @RequestParam(required = false) String q,
                        @RequestParam(required = false) String region, Model model) {
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put("q", q);
        keep.put("region", region);
        DashboardSupport.Page page = support.open(dato, "kommuner", "/kommuner", keep, model);
        Map<String, ParticipantView> all = page.names().participants();
        String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<Row> rows = all.values().stream()
                .filter(p -> region == null || region.isBlank() || region.equals(p.regionId()))
                .filter(p -> query.isEmpty() || p.participantId().startsWith(query)
                        || p.name().toLowerCase(NorskFormat.BOKMAAL).contains(query))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .map(p -> Row.of(p, page))
                .toList();
        List<Option> regions = all.values().stream().map(ParticipantView::regionId).filter(Objects::nonNull)
                .distinct().map(id -> new Option(id, page.names().region(id)))
                .sorted((a, b) -> a.label().compareToIgnoreCase(b.label()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", all.size());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("regionName", region == null || region.isBlank() ? null : page.names().region(region));
        model.addAttribute("regions", regions);
        model.addAttribute("position", page.names().participantList().meta().position());
        return "dashboard/participants";
    }

    @GetMapping("/kommune/{participantId}")
    String participant(@PathVariable String participantId, @RequestParam(required = false) String dato,
                       Model model) {
        DashboardSupport.Page page = support.open(dato, "kommuner",
                "/kommune/" + UriUtils.encodePathSegment(participantId, StandardCharsets.UTF_8), Map.of(), model);
        ParticipantHistory history = support.ask(new FindParticipantHistory(page.readPoint(), participantId),
                ParticipantHistory.class);
        ParticipantDetail detail = support.ask(new FindParticipant(page.readPoint(), participantId),
                ParticipantDetail.class);
        if (!history.known() || detail.participant() == null) {
            throw new PageNotFoundException("Registeret hadde ingen kommune eller annen deltaker med nummer «"
                    + participantId + "» per " + NorskFormat.INSTANCE.date(page.asOf().date()) + ".");
        }
        ParticipantView participant = detail.participant();
        model.addAttribute("participant", Row.of(participant, page));
        model.addAttribute("timeline", actorVisibility.forCurrentReader(history.entries()).stream()
                .map(entry -> page.descriptions().describe(entry, participantId))
                .toList());
        model.addAttribute("covers", history.covers().stream().filter(id -> !id.equals(participantId))
                .map(id -> TextPart.link(page.names().participant(id), page.links().participant(id)))
                .toList());
        model.addAttribute("position", history.meta().position());
        return "dashboard/participant";
    }

    /**
     * A choice in a list.
     *
     * @param value its value
     * @param label its text
     */
    public record Option(String value, String label) {
    }

    /**
     * A participant as the pages show it.
     *
     * @param id           its municipality or organisation number
     * @param name         its name
     * @param href         a link to its page
     * @param kind         its kind in bokmål
     * @param regionId     its region, or {@code null}
     * @param region       its region's name, or an empty string
     * @param regionHref   a link to its region's list, or {@code null}
     * @param population   its population, or {@code null}
     * @param registeredOn when it was registered
     * @param member       whether it is a member of the collaboration in its own right (not merged away)
     * @param memberSince  since when, while a member
     * @param mergedInto   the participants it was merged into, as links
     * @param predecessors the participants merged into it, as links
     */
    public record Row(String id, String name, String href, String kind, String regionId, String region,
                      String regionHref, Integer population, LocalDate registeredOn, boolean member,
                      LocalDate memberSince, List<TextPart> mergedInto, List<TextPart> predecessors) {

        static Row of(ParticipantView p, DashboardSupport.Page page) {
            return new Row(p.participantId(), p.name(), page.links().participant(p.participantId()),
                    NorskFormat.INSTANCE.kind(p.kind()), p.regionId(), page.names().region(p.regionId()),
                    p.regionId() == null ? null : page.links().participantsIn(p.regionId()), p.population(),
                    p.registeredOn(), p.member() && standsOnItsOwn(p), p.memberSince(),
                    links(p.mergedInto(), p.participantId(), page), links(p.predecessors(), p.participantId(), page));
        }

        /** Whether it still stands on its own: a participant merged into another is no longer a member itself. */
        private static boolean standsOnItsOwn(ParticipantView p) {
            return p.mergedInto() == null || p.mergedInto().stream().allMatch(p.participantId()::equals);
        }

        private static List<TextPart> links(List<String> ids, String self, DashboardSupport.Page page) {
            return ids == null ? List.of() : ids.stream().filter(id -> !id.equals(self))
                    .map(id -> TextPart.link(page.names().participant(id), page.links().participant(id)))
                    .toList();
        }
    }
}
