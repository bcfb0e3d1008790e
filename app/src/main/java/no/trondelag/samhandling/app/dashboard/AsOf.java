package no.trondelag.samhandling.app.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The date a page shows the ledger as of: the {@code dato} the reader chose, or today when none was chosen. Links
 * between pages carry a chosen date, so an as-of view can be followed, linked and shared.
 *
 * @param date   the date shown
 * @param chosen whether the reader chose it ({@code dato} in the URL) rather than it being today
 */
public record AsOf(LocalDate date, boolean chosen) {

    /** The earliest date the picker accepts. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** The latest date the picker accepts. */
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /**
     * Reads the {@code dato} parameter.
     *
     * @param dato  an ISO date ({@code YYYY-MM-DD}), or {@code null} or blank for today
     * @param today today's date in the ledger's zone
     * @return the date to show
     * @throws InvalidPageParameterException when {@code dato} is not a date between 1900 and 2100
     */
    public static AsOf parse(String dato, LocalDate today) {
        if (dato == null || dato.isBlank()) {
            return new AsOf(today, false);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(dato.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidPageParameterException("dato", dato,
                    "Datoen må skrives som år-måned-dag, for eksempel 2019-12-31.");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidPageParameterException("dato", dato,
                    "Datoen må ligge mellom 01.01.1900 og 31.12.2100.");
        }
        return new AsOf(date, true);
    }

    /**
     * The date as the {@code dato} parameter and the picker's value.
     *
     * @return the ISO date
     */
    public String iso() {
        return date.toString();
    }
}
