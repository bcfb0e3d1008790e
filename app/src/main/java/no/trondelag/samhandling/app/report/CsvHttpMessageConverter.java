package no.trondelag.samhandling.app.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link CsvTable} as RFC 4180 CSV in UTF-8: comma-separated, every cell that holds a comma, quote or line
 * break quoted, quotes doubled, lists joined with {@code ;}. Norwegian letters are written as they are.
 */
@Component
public class CsvHttpMessageConverter extends AbstractHttpMessageConverter<CsvTable> {

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

    private static String cell(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof Collection<?> items) {
            text = items.stream().map(String::valueOf).collect(Collectors.joining(";"));
        } else if (value instanceof java.math.BigDecimal decimal) {
            text = decimal.toPlainString();
        } else {
            text = value.toString();
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
