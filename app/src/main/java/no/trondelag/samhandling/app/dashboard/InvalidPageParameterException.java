package no.trondelag.samhandling.app.dashboard;

/**
 * A dashboard page was asked for with a parameter it cannot read, such as a {@code dato} that is not a date. The
 * reader gets a page in Norwegian with status 400 saying what to write instead.
 */
public class InvalidPageParameterException extends RuntimeException {

    private final String parameter;
    private final String value;
    private final String advice;

    /**
     * Creates the exception.
     *
     * @param parameter the parameter's name
     * @param value     the value given
     * @param advice    what a valid value looks like, in Norwegian
     */
    public InvalidPageParameterException(String parameter, String value, String advice) {
        super("Invalid dashboard parameter " + parameter);
        this.parameter = parameter;
        this.value = value;
        this.advice = advice;
    }

    /**
     * The parameter's name.
     *
     * @return the name
     */
    public String parameter() {
        return parameter;
    }

    /**
     * The value given.
     *
     * @return the value
     */
    public String value() {
        return value;
    }

    /**
     * What a valid value looks like, in Norwegian.
     *
     * @return the advice
     */
    public String advice() {
        return advice;
    }
}
