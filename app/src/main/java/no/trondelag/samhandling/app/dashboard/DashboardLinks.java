package no.trondelag.samhandling.app.dashboard;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The addresses of the dashboard's pages and of the CSV reports behind them. A page link carries the date the
 * reader chose, so following it keeps the as-of view; a CSV link always names the date shown, so the file holds
 * exactly the figures on the page.
 */
public final class DashboardLinks {

    private final AsOf asOf;

    /**
     * Creates the links for a page shown as of a date.
     *
     * @param asOf the date shown
     */
    public DashboardLinks(AsOf asOf) {
        this.asOf = asOf;
    }

    /**
     * The overview.
     *
     * @return its address
     */
    public String overview() {
        return page("/").toUriString();
    }

    /**
     * The overview with the funding of one year.
     *
     * @param year the year
     * @return its address
     */
    public String overview(int year) {
        return page("/").queryParam("aar", year).toUriString();
    }

    /**
     * The decision log.
     *
     * @return its address
     */
    public String decisions() {
        return page("/vedtak").toUriString();
    }

    /**
     * One decision.
     *
     * @param decisionId the decision
     * @return its address
     */
    public String decision(String decisionId) {
        return page("/vedtak/" + segment(decisionId)).toUriString();
    }

    /**
     * The list of participants.
     *
     * @return its address
     */
    public String participants() {
        return page("/kommuner").toUriString();
    }

    /**
     * The participants of one region.
     *
     * @param regionId the region
     * @return its address
     */
    public String participantsIn(String regionId) {
        return page("/kommuner").queryParam("region", regionId).toUriString();
    }

    /**
     * One participant's page and timeline.
     *
     * @param participantId the participant
     * @return its address
     */
    public String participant(String participantId) {
        return page("/kommune/" + segment(participantId)).toUriString();
    }

    /**
     * A CSV report as of the date shown.
     *
     * @param path the report's path, such as {@code /api/reports/participation}
     * @return its address with {@code format=csv} and {@code asOf}
     */
    public String csv(String path) {
        return csvBuilder(path).toUriString();
    }

    /**
     * The funding CSV report of one year as of the date shown.
     *
     * @param year the year
     * @return its address
     */
    public String fundingCsv(int year) {
        return csvBuilder("/api/reports/funding").queryParam("year", year).toUriString();
    }

    /**
     * A participant's history as CSV as of the date shown.
     *
     * @param participantId the participant
     * @return its address
     */
    public String participantHistoryCsv(String participantId) {
        return csv("/api/participants/" + segment(participantId) + "/history");
    }

    /**
     * One decision and what followed from it, as CSV as of the date shown.
     *
     * @param decisionId the decision
     * @return its address
     */
    public String decisionCsv(String decisionId) {
        return csv("/api/audit/decisions/" + segment(decisionId));
    }

    private UriComponentsBuilder page(String path) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        if (asOf.chosen()) {
            builder.queryParam("dato", asOf.iso());
        }
        return builder;
    }

    private UriComponentsBuilder csvBuilder(String path) {
        return UriComponentsBuilder.fromPath(path).queryParam("format", "csv").queryParam("asOf", asOf.iso());
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
