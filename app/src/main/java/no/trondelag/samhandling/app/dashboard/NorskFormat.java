package no.trondelag.samhandling.app.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.participation.ParticipantKind;

/**
 * Writes dates, numbers, amounts and the ledger's codes the way a Norwegian reader expects them: dates as
 * {@code 31.12.2019}, thousands grouped with a non-breaking space, a decimal comma, kroner as {@code 2 000 000 kr},
 * and the glossary's bokmål terms for funding sources, kinds of participant, pillars and statuses.
 */
public final class NorskFormat {

    /** Norwegian bokmål. */
    public static final Locale BOKMAAL = Locale.forLanguageTag("nb-NO");

    /** The zone the ledger's recording times are shown in. */
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", BOKMAAL);
    private static final char NBSP = '\u00a0';

    /** The instance templates use. */
    public static final NorskFormat INSTANCE = new NorskFormat();

    private NorskFormat() {
    }

    /**
     * A date as {@code dd.mm.yyyy}.
     *
     * @param date the date, or {@code null}
     * @return the date, or an empty string
     */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /**
     * The calendar date in Oslo of a recording time, as {@code dd.mm.yyyy}.
     *
     * @param instant the time, or {@code null}
     * @return the date, or an empty string
     */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(OSLO));
    }

    /**
     * A whole number with thousands grouped, such as {@code 199 595}.
     *
     * @param number the number, or {@code null}
     * @return the number, or an empty string
     */
    public String number(Number number) {
        if (number == null) {
            return "";
        }
        return decimal(new BigDecimal(number.toString()), 0, 2);
    }

    /**
     * A decimal with a comma and between {@code min} and {@code max} decimals, such as {@code 3,25}.
     *
     * @param number the number, or {@code null}
     * @param min    the fewest decimals
     * @param max    the most decimals
     * @return the number, or an empty string
     */
    public String decimal(BigDecimal number, int min, int max) {
        if (number == null) {
            return "";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(BOKMAAL);
        symbols.setGroupingSeparator(NBSP);
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('\u2212');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(min);
        format.setMaximumFractionDigits(max);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(number);
    }

    /**
     * An amount in kroner, such as {@code 2 000 000 kr}, or {@code 1 500,50 kr} when it has øre.
     *
     * @param amount the amount, or {@code null}
     * @return the amount, or an empty string
     */
    public String nok(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        return decimal(amount, whole ? 0 : 2, whole ? 0 : 2) + NBSP + "kr";
    }

    /**
     * A share as a percentage with one decimal, such as {@code 16,7 %}.
     *
     * @param share the share between 0 and 1, or {@code null}
     * @return the percentage, or an empty string
     */
    public String percent(BigDecimal share) {
        if (share == null) {
            return "";
        }
        return decimal(share.multiply(BigDecimal.valueOf(100)), 1, 1) + NBSP + "%";
    }

    /**
     * What a funding source is called.
     *
     * @param source the source
     * @return its Norwegian name
     */
    public String source(FundingSource source) {
        return switch (source) {
            case DISCRETIONARY_GRANT -> "Skjønnsmidler fra Statsforvalteren";
            case COUNTY_AUTHORITY -> "Trøndelag fylkeskommune";
            case PARTICIPANT_CONTRIBUTIONS -> "Kommunenes egenandeler";
            case OTHER -> "Andre kilder";
        };
    }

    /**
     * A funding source as it reads inside a sentence, such as "skjønnsmidler fra Statsforvalteren".
     *
     * @param source the source
     * @return its Norwegian name, lower case where bokmål writes it so
     */
    public String sourceInSentence(FundingSource source) {
        return source == FundingSource.COUNTY_AUTHORITY ? source(source) : source(source).toLowerCase(BOKMAAL)
                .replace("statsforvalteren", "Statsforvalteren");
    }

    /**
     * What a kind of participant is called.
     *
     * @param kind the kind, or {@code null}
     * @return its Norwegian name
     */
    public String kind(ParticipantKind kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case MUNICIPALITY -> "Kommune";
            case COUNTY_AUTHORITY -> "Fylkeskommune";
            case STATE_AGENCY -> "Statlig etat";
            case OTHER -> "Annen partner";
        };
    }

    /**
     * What a pillar (søyle) of the strategy is called.
     *
     * @param pillar the pillar, or {@code null}
     * @return its Norwegian name
     */
    public String pillar(Pillar pillar) {
        if (pillar == null) {
            return "";
        }
        return switch (pillar) {
            case STRUCTURE_AND_GOVERNANCE -> "Struktur og styring";
            case COMPETENCE -> "Kompetanse";
            case PRIORITISED_INITIATIVES -> "Prioriterte satsinger";
        };
    }

    /**
     * What an initiative's status is called.
     *
     * @param status PROPOSED, APPROVED, COMPLETED or CANCELLED
     * @return its Norwegian name, or the code itself when unknown
     */
    public String initiativeStatus(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "PROPOSED" -> "Foreslått";
            case "APPROVED" -> "Godkjent";
            case "COMPLETED" -> "Fullført";
            case "CANCELLED" -> "Avlyst";
            default -> status;
        };
    }

    /**
     * Yes or no.
     *
     * @param value the truth
     * @return {@code Ja} or {@code Nei}
     */
    public String yesNo(boolean value) {
        return value ? "Ja" : "Nei";
    }
}
