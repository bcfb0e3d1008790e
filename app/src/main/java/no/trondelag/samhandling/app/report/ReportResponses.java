package no.trondelag.samhandling.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.app.problem.InvalidInputException;
import no.trondelag.samhandling.app.security.LedgerRoles;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Answers a report in the representation asked for (JSON by default; CSV for {@code ?format=csv} or
 * {@code Accept: text/csv}), with an {@code ETag} tied to the ledger position the report covers and the number of
 * events it was folded from (an event can arrive below the position: from another segment of the read side, or
 * committed late into a gap), so that a repeated request with {@code If-None-Match} gets 304 until the ledger moves
 * on. The tag also covers the
 * representation, the effective date the report was read at (so "today" changes at midnight) and whether the
 * reader sees actors.
 */
@Component
public class ReportResponses {

    /** How many bytes of reports rendered as JSON are kept for repeated requests. */
    private static final long RENDERED_BYTES = 16L * 1024 * 1024;

    /** Response header naming the last ledger position the report covers. */
    public static final String POSITION_HEADER = "Ledger-Position";

    private final RenderedReports rendered;

    ReportResponses(ObjectMapper objectMapper) {
        this.rendered = new RenderedReports(objectMapper, RENDERED_BYTES);
    }

    /**
     * Builds the response for a report.
     *
     * @param request the request
     * @param format  the {@code format} parameter: {@code json}, {@code csv} or absent
     * @param meta    the report's read point and position
     * @param json    the report as JSON
     * @param csv     the report as a table, built only when CSV is asked for
     * @return the response, or 304 when the client's copy is current
     */
    public ResponseEntity<Object> respond(HttpServletRequest request, String format, ReportMeta meta, Object json,
                                          Supplier<CsvTable> csv) {
        boolean asCsv = wantsCsv(format, request.getHeader(HttpHeaders.ACCEPT));
        boolean auditor = LedgerRoles.has(SecurityContextHolder.getContext().getAuthentication(),
                LedgerRoles.AUDITOR);
        String etag = "\"" + meta.position() + "." + meta.events() + "-" + Integer.toHexString(Objects.hash(request.getRequestURI(),
                request.getQueryString(), asCsv, meta.asOf(), auditor)) + "\"";
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.noCache())
                .header(POSITION_HEADER, Long.toString(meta.position()));
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || List.of(ifNoneMatch.split(","))
                .stream().map(String::trim).anyMatch(etag::equals))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                    .header(POSITION_HEADER, Long.toString(meta.position())).build();
        }
        if (asCsv) {
            return builder.contentType(CsvHttpMessageConverter.TEXT_CSV).body(csv.get());
        }
        byte[] body = rendered.json(new RenderedReports.Key(request.getRequestURI(), request.getQueryString(),
                meta, auditor), json);
        return builder.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw InvalidInputException.parameters(List.of(new FieldError("format", "must be json or csv")));
        }
        return accept != null && accept.contains("text/csv") && !accept.contains("application/json");
    }
}
