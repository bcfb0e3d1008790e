package no.trondelag.samhandling.api.common;

import java.math.BigDecimal;

/**
 * An amount of money in a currency: an exact decimal amount and the currency's ISO 4217 code. The ledger keeps
 * kroner (NOK) with at most two decimals (øre); the currency travels with the amount so that a stored event says
 * which unit its amount is in.
 *
 * @param amount   the amount, an exact decimal
 * @param currency the ISO 4217 currency code, for example {@code NOK}
 */
public record Money(BigDecimal amount, String currency) {

    /** The ISO 4217 code of Norwegian kroner, the ledger's currency. */
    public static final String NOK = "NOK";

    /**
     * An amount in Norwegian kroner.
     *
     * @param amount the amount in kroner
     * @return the amount with currency {@code NOK}
     */
    public static Money nok(BigDecimal amount) {
        return new Money(amount, NOK);
    }
}
