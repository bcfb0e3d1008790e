package no.trondelag.samhandling.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.initiative.Pillar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.MockHttpOutputMessage;

class CsvHttpMessageConverterTest {

    @Nested
    class Formulas {

        @ParameterizedTest
        @ValueSource(strings = {"=HYPERLINK(\"http://example.com\";\"Klikk\")", "+1+1", "-5", "@SUM(1)",
                "=1", "-", "\tinnrykk", "\rretur"})
        void textThatASpreadsheetWouldReadAsAFormulaGetsALeadingQuote(String text) {
            assertThat(unquoted(CsvHttpMessageConverter.cell(text))).isEqualTo("'" + text);
        }

        @Test
        void aNeutralisedCellIsStillQuotedWhereCsvRequiresIt() {
            assertThat(CsvHttpMessageConverter.cell("=HYPERLINK(\"http://example.com\",\"Klikk\")"))
                    .isEqualTo("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Klikk\"\")\"");
            assertThat(CsvHttpMessageConverter.cell("-1,5")).isEqualTo("\"'-1,5\"");
            assertThat(CsvHttpMessageConverter.cell("\rretur")).isEqualTo("\"'\rretur\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Felles sak- og arkivsystem", "5 + 5", "a=b", "e-post@kommune.no", "'sitat", "18/7",
                "2019-høst"})
        void textThatMerelyHoldsThoseCharactersLaterIsWrittenAsItIs(String text) {
            assertThat(CsvHttpMessageConverter.cell(text)).isEqualTo(text);
        }

        @Test
        void eachItemOfAListIsNeutralisedOrKeptAsANumberBeforeTheyAreJoined() {
            assertThat(CsvHttpMessageConverter.cell(List.of("=1+1", "Punkt 2"))).isEqualTo("'=1+1;Punkt 2");
            assertThat(CsvHttpMessageConverter.cell(List.of("Punkt 1", "@SUM(1)"))).isEqualTo("Punkt 1;'@SUM(1)");
            assertThat(CsvHttpMessageConverter.cell(List.of(1, 3))).isEqualTo("1;3");
            assertThat(CsvHttpMessageConverter.cell(List.of(-1, new BigDecimal("-2.50")))).isEqualTo("-1;-2.50");
            assertThat(CsvHttpMessageConverter.cell(List.of())).isEmpty();
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest
        @CsvSource({"-5, -5", "-1250000.50, -1250000.50", "0.1667, 0.1667", "1E+3, 1000", "-0.00, 0.00"})
        void decimalsAreWrittenAsPlainNumbersNegativeOnesToo(String decimal, String cell) {
            assertThat(CsvHttpMessageConverter.cell(new BigDecimal(decimal))).isEqualTo(cell);
        }

        @Test
        void everyKindOfNumberStaysANumber() {
            assertThat(CsvHttpMessageConverter.cell(-5)).isEqualTo("-5");
            assertThat(CsvHttpMessageConverter.cell(-199_595L)).isEqualTo("-199595");
            assertThat(CsvHttpMessageConverter.cell(-2.5d)).isEqualTo("-2.5");
            assertThat(CsvHttpMessageConverter.cell((short) -1)).isEqualTo("-1");
        }

        @Test
        void theTypeDecidesNotTheText() {
            assertThat(CsvHttpMessageConverter.cell("-5")).isEqualTo("'-5");
            assertThat(CsvHttpMessageConverter.cell(new BigDecimal("-5"))).isEqualTo("-5");
        }

        @Test
        void otherTypedValuesAreWrittenAsTheyAre() {
            assertThat(CsvHttpMessageConverter.cell(LocalDate.of(2018, 5, 2))).isEqualTo("2018-05-02");
            assertThat(CsvHttpMessageConverter.cell(true)).isEqualTo("true");
            assertThat(CsvHttpMessageConverter.cell(Pillar.COMPETENCE)).isEqualTo("COMPETENCE");
            assertThat(CsvHttpMessageConverter.cell(null)).isEmpty();
        }
    }

    @Nested
    class Controls {

        @Test
        void controlCharactersAndBidirectionalOverridesAreReplaced() {
            assertThat(CsvHttpMessageConverter.cell("Vedtak\u001b[31m om\u0007 strategi\u0000"))
                    .isEqualTo("Vedtak\uFFFD[31m om\uFFFD strategi\uFFFD");
            assertThat(CsvHttpMessageConverter.cell("abc\u202Efdp.exe")).isEqualTo("abc\uFFFDfdp.exe");
            assertThat(CsvHttpMessageConverter.cell("\u2066x\u2069\u007f\u0085"))
                    .isEqualTo("\uFFFDx\uFFFD\uFFFD\uFFFD");
            assertThat(CsvHttpMessageConverter.cell(List.of("a\u0000", "b"))).isEqualTo("a\uFFFD;b");
        }

        @Test
        void aReplacedControlCharacterNoLongerHidesAFormula() {
            assertThat(CsvHttpMessageConverter.cell("\u0000=1+1")).isEqualTo("\uFFFD=1+1");
            assertThat(CsvHttpMessageConverter.cell("=1+1\u0000")).isEqualTo("'=1+1\uFFFD");
        }

        @Test
        void lineBreaksAndTabsInsideATextAreKeptAndQuoted() {
            assertThat(CsvHttpMessageConverter.cell("Linje 1\r\nLinje\t2")).isEqualTo("\"Linje 1\r\nLinje\t2\"");
        }
    }

    @Test
    void aTableIsWrittenWithItsHeaderAndNeutralisedRows() throws IOException {
        CsvTable table = CsvTable.of("initiativeId", "title", "budgetNok", "goals")
                .row("felles-sak-arkiv", "=HYPERLINK(\"http://example.com\")", new BigDecimal("-1250000.00"),
                        List.of(3, 4))
                .row("portal", "Innbygger\u202Eportal", null, List.of(1));
        MockHttpOutputMessage output = new MockHttpOutputMessage();

        new CsvHttpMessageConverter().write(table, CsvHttpMessageConverter.TEXT_CSV, output);

        assertThat(output.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("""
                initiativeId,title,budgetNok,goals\r
                felles-sak-arkiv,"'=HYPERLINK(""http://example.com"")",-1250000.00,3;4\r
                portal,Innbygger\uFFFDportal,,1\r
                """);
    }

    private static String unquoted(String cell) {
        return cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    }
}
