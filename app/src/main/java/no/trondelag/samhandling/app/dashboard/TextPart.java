package no.trondelag.samhandling.app.dashboard;

/**
 * A piece of a sentence on a page: plain text, or a link when {@code href} is set.
 *
 * @param text the text
 * @param href the address it links to, or {@code null}
 */
public record TextPart(String text, String href) {

    /**
     * Plain text.
     *
     * @param text the text
     * @return the part
     */
    public static TextPart text(String text) {
        return new TextPart(text, null);
    }

    /**
     * A link.
     *
     * @param text the link text
     * @param href the address
     * @return the part
     */
    public static TextPart link(String text, String href) {
        return new TextPart(text, href);
    }
}
