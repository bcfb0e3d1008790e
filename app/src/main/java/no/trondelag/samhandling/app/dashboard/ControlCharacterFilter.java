package no.trondelag.samhandling.app.dashboard;

import no.trondelag.samhandling.api.common.ControlCharacters;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.IAttribute;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IStandaloneElementTag;
import org.thymeleaf.model.IText;

/**
 * Replaces control characters and bidirectional overrides by U+FFFD in every text and attribute value of a rendered
 * page, after Thymeleaf has escaped what is special to HTML. {@code th:text} escapes {@code <} and {@code &} but
 * passes an ESC, a NUL or a U+202E through, and none of them has any business in a page title or a table: texts
 * recorded before commands were checked for them may still hold them. Line breaks and tabs are kept; HTML treats
 * them as white space.
 * <p>
 * Thymeleaf makes one filter per page it renders, with the no-argument constructor.
 */
public class ControlCharacterFilter extends AbstractTemplateHandler {

    /** Makes a filter; Thymeleaf calls this once per rendered page. */
    public ControlCharacterFilter() {
        super();
    }

    @Override
    public void handleText(IText text) {
        String content = text.getText();
        String safe = ControlCharacters.replace(content);
        getNext().handleText(safe.equals(content) ? text : getContext().getModelFactory().createText(safe));
    }

    @Override
    public void handleOpenElement(IOpenElementTag tag) {
        getNext().handleOpenElement(safeAttributes(tag));
    }

    @Override
    public void handleStandaloneElement(IStandaloneElementTag tag) {
        getNext().handleStandaloneElement(safeAttributes(tag));
    }

    private <T extends IProcessableElementTag> T safeAttributes(T tag) {
        T safe = tag;
        IModelFactory factory = null;
        for (IAttribute attribute : tag.getAllAttributes()) {
            String value = attribute.getValue();
            String replaced = ControlCharacters.replace(value);
            if (replaced != null && !replaced.equals(value)) {
                if (factory == null) {
                    factory = getContext().getModelFactory();
                }
                safe = factory.setAttribute(safe, attribute.getAttributeCompleteName(), replaced,
                        attribute.getValueQuotes());
            }
        }
        return safe;
    }
}
