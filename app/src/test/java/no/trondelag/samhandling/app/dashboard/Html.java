package no.trondelag.samhandling.app.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads what a person would see in a rendered page: the text of table rows and of the whole page, with tags
 * removed, entities decoded and white space (non-breaking spaces too) collapsed.
 */
final class Html {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t([hd])[^>]*>(.*?)</t\\1>", Pattern.DOTALL);
    private static final Pattern INLINE_TAG = Pattern.compile("</?(a|span|strong|time|i|b|em|code)(\\s[^>]*)?>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private Html() {
    }

    /**
     * The cells of the first table row whose first cell reads as given.
     *
     * @param html  the page
     * @param first the text of the row's first cell
     * @return the text of each cell
     * @throws AssertionError when no row starts so
     */
    static List<String> row(String html, String first) {
        Matcher rows = ROW.matcher(html);
        while (rows.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(rows.group(1));
            while (cell.find()) {
                cells.add(text(cell.group(2)));
            }
            if (!cells.isEmpty() && cells.get(0).equals(first)) {
                return cells;
            }
        }
        throw new AssertionError("No table row starts with " + first);
    }

    /**
     * The visible text of a piece of a page: inline elements run on with their neighbours, block elements are set
     * apart by a space.
     *
     * @param html the markup
     * @return its text on one line
     */
    static String text(String html) {
        String withoutSvgTitles = html.replaceAll("(?s)<(title|desc|style|script)[^>]*>.*?</\\1>", " ");
        String inlineJoined = INLINE_TAG.matcher(withoutSvgTitles).replaceAll("");
        return HtmlUtils.htmlUnescape(TAG.matcher(inlineJoined).replaceAll(" "))
                .replace('\u00a0', ' ')
                .replace("\u00ad", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
