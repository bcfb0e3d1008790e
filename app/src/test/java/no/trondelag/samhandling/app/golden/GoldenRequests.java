package no.trondelag.samhandling.app.golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every read the goldens record. Read points: the {@code asOf} dates 2018-05-01 (before the strategy was adopted),
 * 2018-05-02 (its meeting date), 2018-12-31, 2019-12-31 (the day before the merges), 2020-01-01 (the merges) and
 * today; the {@code knownAt} instants {@code seeded} (only the seed), {@code history-script},
 * {@code before-merges}, {@code before-late} (the scenario without its late entries), {@code after-late} (the
 * scenario without the synthetic ledger) and everything recorded. The dashboard's pages are read at the same
 * dates.
 */
final class GoldenRequests {

    private static final List<String> AS_OF = Arrays.asList("2018-05-01", "2018-05-02", "2018-12-31", "2019-12-31",
            "2020-01-01", null);
    private static final List<String> KNOWN_AT = Arrays.asList(null, "after-late", "before-late", "seeded");
    private static final List<String> KNOWN_AT_NARROW = List.of("history-script", "before-merges");

    private static final List<String> REPORTS = List.of("/api/reports/participation", "/api/reports/funding",
            "/api/reports/goals", "/api/reports/initiatives", "/api/regions", "/api/participants",
            "/api/audit/decisions");
    private static final List<String> REGIONS = List.of("trondheimsregionen", "fosen", "vaernesregionen", "namdal",
            "midt-trondelag", "inn-trondelag", "orkdalsregionen", "trondelag-sor", "fjellregionen", "syn-region-01",
            "atlantis");
    private static final List<String> PARTICIPANTS = List.of("5054", "5001", "5030", "5012", "5024", "5059", "5055",
            "5061", "1571", "5014", "5020", "5022", "817920632", "974764687", "7001", "7101", "9999");
    private static final List<String> HISTORIES = List.of("5054", "5001", "5030", "5012", "5059", "5055", "5056",
            "5014", "5020", "5022", "5035", "817920632", "7001", "7002", "7101");
    private static final List<String> DECISIONS = List.of("sg-2018-05-02-07", "sg-2019-06-12-03",
            "sg-2018-03-15-02", "sg-2020-02-05-01", "syn-sg-001", "syn-sg-017", "sg-1999-01-01-01");
    /** Dashboard pages, which read the same queries; they take a date ({@code dato}) but no {@code knownAt}. */
    private static final List<String> DASHBOARD = List.of("/", "/vedtak", "/vedtak/sg-2018-05-02-07", "/kommuner",
            "/kommune/5059", "/kommune/5001", "/kommune/5012", "/kommune/7101");
    /** The read points of the per-entity reads: [asOf, knownAt]. */
    private static final List<String[]> ENTITY_POINTS = List.of(new String[] {null, null},
            new String[] {"2018-12-31", null}, new String[] {"2019-12-31", null}, new String[] {"2020-01-01", null},
            new String[] {null, "before-late"}, new String[] {null, "before-merges"},
            new String[] {"2018-12-31", "before-late"});

    private GoldenRequests() {
    }

    static List<GoldenRequest> all() {
        List<GoldenRequest> requests = new ArrayList<>();
        for (String path : REPORTS) {
            boolean audit = path.startsWith("/api/audit");
            for (String knownAt : KNOWN_AT) {
                for (String asOf : AS_OF) {
                    both(requests, path, null, asOf, knownAt, null);
                    if (audit) {
                        requests.add(new GoldenRequest(path, null, asOf, knownAt, "json", "auditor"));
                    }
                }
            }
            for (String knownAt : KNOWN_AT_NARROW) {
                both(requests, path, null, null, knownAt, null);
            }
            requests.add(new GoldenRequest(path, null, null, null, "accept-csv", null));
        }
        for (String region : REGIONS) {
            for (String knownAt : Arrays.asList(null, "before-late")) {
                for (String asOf : AS_OF) {
                    both(requests, "/api/reports/participation/" + region, null, asOf, knownAt, null);
                }
            }
        }
        requests.add(new GoldenRequest("/api/reports/participation/fosen", null, null, null, "accept-csv", null));
        for (int year : List.of(2019, 2020, 2023)) {
            for (String knownAt : Arrays.asList(null, "before-late")) {
                for (String asOf : AS_OF) {
                    both(requests, "/api/reports/funding", year, asOf, knownAt, null);
                }
            }
        }
        for (String participant : PARTICIPANTS) {
            for (String asOf : AS_OF) {
                both(requests, "/api/participants/" + participant, null, asOf, null, null);
            }
            both(requests, "/api/participants/" + participant, null, null, "before-late", null);
        }
        for (String participant : HISTORIES) {
            for (String[] point : ENTITY_POINTS) {
                both(requests, "/api/participants/" + participant + "/history", null, point[0], point[1], null);
                both(requests, "/api/participants/" + participant + "/history", null, point[0], point[1],
                        "auditor");
            }
        }
        for (String decision : DECISIONS) {
            for (String[] point : ENTITY_POINTS) {
                both(requests, "/api/audit/decisions/" + decision, null, point[0], point[1], null);
                both(requests, "/api/audit/decisions/" + decision, null, point[0], point[1], "auditor");
            }
        }
        for (String page : DASHBOARD) {
            for (String asOf : AS_OF) {
                requests.add(new GoldenRequest(page, null, asOf, null, "html", null));
            }
        }
        requests.add(new GoldenRequest("/", 2020, "2020-01-01", null, "html", null));
        requests.add(new GoldenRequest("/", 2023, null, null, "html", null));
        return requests;
    }

    private static void both(List<GoldenRequest> requests, String path, Integer year, String asOf, String knownAt,
                             String user) {
        requests.add(new GoldenRequest(path, year, asOf, knownAt, "json", user));
        requests.add(new GoldenRequest(path, year, asOf, knownAt, "csv", user));
    }
}
