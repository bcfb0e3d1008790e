package no.trondelag.samhandling.app.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import no.trondelag.samhandling.api.common.ControlCharacters;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link CsvTable} as RFC 4180 CSV in UTF-8: comma-separated, every cell that holds a comma, quote or line
 * break quoted, quotes doubled, lists joined with {@code ;}. Norwegian letters are written as they are. Text is made
 * safe to open in a spreadsheet: a text that would be read as a formula is prefixed with {@code '}, and control
 * characters are replaced by U+FFFD; numbers are written as numbers.
 */
@Component
public class CsvHttpMessageConverter extends AbstractHttpMessageConverter<CsvTable> {

    /** The first characters by which a spreadsheet takes a cell for a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** {@code text/csv} in UTF-8. */
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    CsvHttpMessageConverter() {
        super(StandardCharsets.UTF_8, TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return CsvTable.class.isAssignableFrom(type);
    }

    @Override
    protected CsvTable readInternal(Class<? extends CsvTable> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is written, never read", input);
    }

    @Override
    protected void writeInternal(CsvTable table, HttpOutputMessage output) throws IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        writeRow(writer, table.header());
        for (List<Object> row : table.rows()) {
            writeRow(writer, row);
        }
        writer.flush();
    }

    private static void writeRow(Writer writer, List<?> values) throws IOException {
        writer.write(values.stream().map(CsvHttpMessageConverter::cell).collect(Collectors.joining(",")));
        writer.write("\r\n");
    }

    /**
     * One value as a CSV cell. A number is written as a plain number, negative ones too. Every other value is text:
     * its control characters are replaced by U+FFFD, and a text that a spreadsheet would read as a formula (one that
     * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading {@code '}
     * so that it is shown as the text it is. Which it is follows from the value's Java type, never from how the text
     * looks: the text {@code "-5"} is neutralised, the number {@code -5} is not. A list is joined with {@code ;}
     * after each of its items is written so.
     *
     * @param value the value, or {@code null} for an empty cell
     * @return the cell, quoted when it must be
     */
    static String cell(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        } else if (value instanceof Number number) {
            text = number.toString();
        } else if (value instanceof Collection<?> items) {
            text = items.stream().map(CsvHttpMessageConverter::item).collect(Collectors.joining(";"));
        } else {
            text = neutralised(value.toString());
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String item(Object item) {
        if (item instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return item instanceof Number ? item.toString() : neutralised(String.valueOf(item));
    }

    private static String neutralised(String text) {
        String safe = ControlCharacters.replace(text);
        return !safe.isEmpty() && FORMULA_STARTS.indexOf(safe.charAt(0)) >= 0 ? "'" + safe : safe;
    }
}
