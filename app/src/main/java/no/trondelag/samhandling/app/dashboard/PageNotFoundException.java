package no.trondelag.samhandling.app.dashboard;

/**
 * A dashboard page names something the ledger does not hold at the date shown, such as an unknown municipality or
 * decision. The reader gets a page in Norwegian with status 404.
 */
public class PageNotFoundException extends RuntimeException {

    private final String explanation;

    /**
     * Creates the exception.
     *
     * @param explanation what was not found, in Norwegian
     */
    public PageNotFoundException(String explanation) {
        super("Dashboard page not found");
        this.explanation = explanation;
    }

    /**
     * What was not found, in Norwegian.
     *
     * @return the explanation
     */
    public String explanation() {
        return explanation;
    }
}
