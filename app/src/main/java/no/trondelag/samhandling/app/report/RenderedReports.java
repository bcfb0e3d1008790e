package no.trondelag.samhandling.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import no.trondelag.samhandling.api.common.ReportMeta;

/**
 * Reports rendered as JSON, kept for repeated requests. A report is determined by the request (path and
 * parameters), the read point and how far into the log it was folded ({@link ReportMeta}: position and number of
 * events), and whether the reader sees actors; a request for the same report gets the same bytes without rendering
 * it again. The least recently used reports go first once they take more than the budget.
 */
final class RenderedReports {

    private final ObjectMapper objectMapper;
    private final long budgetBytes;
    private final LinkedHashMap<Key, byte[]> reports = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /**
     * Creates the store.
     *
     * @param objectMapper the mapper the web layer renders JSON with
     * @param budgetBytes  how many bytes of rendered reports to keep
     */
    RenderedReports(ObjectMapper objectMapper, long budgetBytes) {
        this.objectMapper = objectMapper;
        this.budgetBytes = budgetBytes;
    }

    /**
     * A report as JSON, rendered now or earlier.
     *
     * @param key    what determines the report
     * @param report the report
     * @return its JSON
     */
    byte[] json(Key key, Object report) {
        synchronized (reports) {
            byte[] kept = reports.get(key);
            if (kept != null) {
                return kept;
            }
        }
        byte[] json;
        try {
            json = objectMapper.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (json.length <= budgetBytes) {
            synchronized (reports) {
                if (reports.put(key, json) == null) {
                    bytes += json.length;
                }
                Iterator<Map.Entry<Key, byte[]>> eldest = reports.entrySet().iterator();
                while (bytes > budgetBytes && eldest.hasNext()) {
                    bytes -= eldest.next().getValue().length;
                    eldest.remove();
                }
            }
        }
        return json;
    }

    /**
     * What determines a report.
     *
     * @param path    the request path
     * @param query   the query string, or {@code null}
     * @param meta    the read point and how far into the log the report was folded
     * @param auditor whether the reader sees actors
     */
    record Key(String path, String query, ReportMeta meta, boolean auditor) {
    }
}
