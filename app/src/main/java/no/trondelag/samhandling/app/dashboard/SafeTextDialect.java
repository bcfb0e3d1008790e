package no.trondelag.samhandling.app.dashboard;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The Thymeleaf dialect that runs {@link ControlCharacterFilter} over every HTML page the dashboard renders, so that
 * no page, its {@code <title>} included, shows a control character, whatever the ledger holds.
 */
@Component
public class SafeTextDialect extends AbstractDialect implements IPostProcessorDialect {

    SafeTextDialect() {
        super("Safe text");
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, ControlCharacterFilter.class, 1000));
    }
}
