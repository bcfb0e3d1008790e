package no.trondelag.samhandling.app.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.app.report.LedgerQueries;
import no.trondelag.samhandling.app.report.ReadPoints;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every dashboard page starts with: the date it shows (the reader's {@code dato}, or today), the read point the
 * report endpoints would use for it, the links that keep that date, and the attributes the page layout needs.
 */
@Component
class DashboardSupport {

    private final LedgerQueries queries;
    private final ReadPoints readPoints;

    DashboardSupport(LedgerQueries queries, ReadPoints readPoints) {
        this.queries = queries;
        this.readPoints = readPoints;
    }

    /**
     * Opens a page.
     *
     * @param dato    the {@code dato} parameter, or {@code null}
     * @param section the menu item the page belongs to: {@code oversikt}, {@code vedtak} or {@code kommuner}
     * @param path    the page's own path, which the date picker submits to
     * @param keep    other parameters of the page that the date picker keeps, by name; {@code null} values are
     *                left out
     * @param model   the page's model
     * @return the page's date, read point, links and names
     */
    Page open(String dato, String section, String path, Map<String, String> keep, Model model) {
        LocalDate today = today();
        AsOf asOf = AsOf.parse(dato, today);
        ReadPoint readPoint = readPoints.of(asOf.iso(), null);
        DashboardLinks links = new DashboardLinks(asOf);
        model.addAllAttributes(layout(asOf, today, section, path, keep));
        LedgerNames names = new LedgerNames(queries, readPoint);
        return new Page(asOf, readPoint, links, names, new EventDescriptions(names, links));
    }

    /**
     * What the page layout needs: the date shown and today's, the links, the formats, the menu item, and the date
     * picker's target with the parameters it keeps.
     *
     * @param asOf    the date shown
     * @param today   today's date
     * @param section the menu item the page belongs to, or an empty string
     * @param path    the page's own path
     * @param keep    other parameters of the page that the date picker keeps; {@code null} values are left out
     * @return the attributes by name
     */
    Map<String, Object> layout(AsOf asOf, LocalDate today, String section, String path, Map<String, String> keep) {
        Map<String, String> kept = new LinkedHashMap<>();
        keep.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(name, value);
            }
        });
        UriComponentsBuilder todayLink = UriComponentsBuilder.fromPath(path);
        kept.forEach(todayLink::queryParam);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("asOf", asOf);
        attributes.put("today", today);
        attributes.put("links", new DashboardLinks(asOf));
        attributes.put("fmt", NorskFormat.INSTANCE);
        attributes.put("section", section);
        attributes.put("formAction", path);
        attributes.put("kept", kept);
        attributes.put("todayLink", todayLink.toUriString());
        return attributes;
    }

    /**
     * Today's date in the ledger's zone, as the report endpoints take it when no {@code asOf} is given.
     *
     * @return today
     */
    LocalDate today() {
        return readPoints.of(null, null).asOf();
    }

    /**
     * Sends a query through the query bus, as the report endpoints do.
     *
     * @param query      the query
     * @param resultType its answer's type
     * @param <R>        that type
     * @return the answer
     */
    <R> R ask(Object query, Class<R> resultType) {
        return queries.ask(query, resultType);
    }

    /**
     * A page's date, read point, links, names and event descriptions.
     *
     * @param asOf         the date shown
     * @param readPoint    the read point for that date
     * @param links        the links that keep the date
     * @param names        the names of what the page speaks of
     * @param descriptions the events told in words
     */
    record Page(AsOf asOf, ReadPoint readPoint, DashboardLinks links, LedgerNames names,
                EventDescriptions descriptions) {
    }
}
