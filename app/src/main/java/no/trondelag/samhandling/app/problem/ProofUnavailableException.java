package no.trondelag.samhandling.app.problem;

/**
 * A proof or checkpoint asked for does not exist: the event is not in the tree (or not yet), the tree has not
 * reached the size asked for, or no checkpoint was signed at that size. Answered 404 with the rule.
 */
public class ProofUnavailableException extends RuntimeException {

    private final String rule;

    /**
     * Creates the exception.
     *
     * @param rule   the rule's code, such as {@code event-not-in-tree}
     * @param detail what is missing and what to ask for instead
     */
    public ProofUnavailableException(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    /**
     * The rule's code.
     *
     * @return the code
     */
    public String rule() {
        return rule;
    }
}
