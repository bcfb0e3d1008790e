package no.trondelag.samhandling.api.common;

/**
 * The characters no text of the ledger may hold: the C0 controls (U+0000 to U+001F), DEL (U+007F), the C1 controls
 * (U+0080 to U+009F) and the bidirectional overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which can
 * make a terminal, a spreadsheet or a page show something other than what was recorded. Only long free texts may
 * hold line breaks and tabs (U+000A, U+000D, U+0009).
 * <p>
 * Commands holding them are rejected; whatever is written out (CSV, pages) has them replaced by
 * {@link #REPLACEMENT}, for events recorded before the rule.
 */
public final class ControlCharacters {

    /** What a forbidden character is replaced by on output: U+FFFD, the replacement character. */
    public static final char REPLACEMENT = '\uFFFD';

    private ControlCharacters() {
    }

    /**
     * Whether a character is one no text may hold, line breaks and tabs included.
     *
     * @param c a UTF-16 code unit
     * @return {@code true} for a control, DEL or bidirectional override or isolate
     */
    public static boolean isControl(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * Whether a character is a line break or tab, the only controls a long free text may hold.
     *
     * @param c a UTF-16 code unit
     * @return {@code true} for U+0009, U+000A and U+000D
     */
    public static boolean isLineBreakOrTab(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Whether a single-line text holds any forbidden character.
     *
     * @param text a text
     * @return {@code true} when it holds a control, line breaks and tabs included
     */
    public static boolean anyInLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a long free text holds any forbidden character.
     *
     * @param text a text
     * @return {@code true} when it holds a control other than a line break or tab
     */
    public static boolean anyInFreeText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !isLineBreakOrTab(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with every forbidden character other than a line break or tab replaced by {@link #REPLACEMENT}, for
     * output. Line breaks and tabs are kept: the formats written out (quoted CSV, HTML) hold them safely.
     *
     * @param text a text, or {@code null}
     * @return the text made safe, the same instance when nothing was replaced; {@code null} for {@code null}
     */
    public static String replace(String text) {
        if (text == null || !anyInFreeText(text)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            safe.append(isControl(c) && !isLineBreakOrTab(c) ? REPLACEMENT : c);
        }
        return safe.toString();
    }
}
