package no.trondelag.samhandling.app.golden;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One read the goldens record: a path, a read point ({@code asOf} date or today; {@code knownAt} one of the named
 * instants or everything recorded), a representation and a caller.
 *
 * @param path    the path, such as {@code /api/reports/participation}
 * @param year    the funding report's {@code year}, or {@code null}
 * @param asOf    the {@code asOf} date, or {@code null} for today
 * @param knownAt the name of the instant to read at as {@code knownAt}, or {@code null} for everything recorded
 * @param format  {@code json}, {@code csv} ({@code ?format=csv}), {@code accept-csv} ({@code Accept: text/csv}) or
 *                {@code html} (a dashboard page, whose date is {@code ?dato=} and year {@code ?aar=})
 * @param user    the built-in user to read as, or {@code null} for an anonymous read
 */
record GoldenRequest(String path, Integer year, String asOf, String knownAt, String format, String user) {

    /** The path and query as sent, with the named instant filled in. */
    String pathAndQuery(Function<String, Instant> instants) {
        if (html()) {
            return path + dashboardQuery();
        }
        List<String> query = new ArrayList<>();
        if (year != null) {
            query.add("year=" + year);
        }
        if (asOf != null) {
            query.add("asOf=" + asOf);
        }
        if (knownAt != null) {
            query.add("knownAt=" + instants.apply(knownAt));
        }
        if (format.equals("csv")) {
            query.add("format=csv");
        }
        return path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /** The request as the index shows it, with the instant's name instead of its value. */
    String describe() {
        if (html()) {
            return "GET " + path + dashboardQuery();
        }
        List<String> query = new ArrayList<>();
        if (year != null) {
            query.add("year=" + year);
        }
        if (asOf != null) {
            query.add("asOf=" + asOf);
        }
        if (knownAt != null) {
            query.add("knownAt=<" + knownAt + ">");
        }
        if (format.equals("csv")) {
            query.add("format=csv");
        }
        return "GET " + path + (query.isEmpty() ? "" : "?" + String.join("&", query))
                + (format.equals("accept-csv") ? " [Accept: text/csv]" : "")
                + (user == null ? "" : " [as " + user + "]");
    }

    /** The golden file's name, relative to the golden directory: the path's folders, then the read point. */
    String fileName() {
        if (html()) {
            return "dashboard" + (path.equals("/") ? "/oversikt" : path) + "/" + (year == null ? "" : "aar-" + year + ".")
                    + "dato-" + (asOf == null ? "today" : asOf) + ".html";
        }
        String folder = path.replaceFirst("^/api/", "");
        StringBuilder name = new StringBuilder();
        if (year != null) {
            name.append("year-").append(year).append('.');
        }
        name.append("asOf-").append(asOf == null ? "today" : asOf);
        name.append(".knownAt-").append(knownAt == null ? "all" : knownAt);
        if (user != null) {
            name.append('.').append(user);
        }
        if (format.equals("accept-csv")) {
            name.append(".accept");
        }
        name.append(format.equals("json") ? ".json" : ".csv");
        return folder + "/" + name;
    }

    private boolean html() {
        return format.equals("html");
    }

    private String dashboardQuery() {
        List<String> query = new ArrayList<>();
        if (asOf != null) {
            query.add("dato=" + asOf);
        }
        if (year != null) {
            query.add("aar=" + year);
        }
        return query.isEmpty() ? "" : "?" + String.join("&", query);
    }

    String accept() {
        return format.equals("accept-csv") ? "text/csv" : null;
    }
}
