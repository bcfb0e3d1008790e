package no.trondelag.samhandling.app.command;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import no.trondelag.samhandling.api.common.LedgerCommand;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every command of the message contract, by its name in {@code POST /api/commands/{CommandName}}. The catalogue is
 * read from the {@code api} module itself, so a new command is reachable over HTTP as soon as it exists.
 */
@Component
public class CommandCatalogue {

    private final SortedMap<String, Class<? extends LedgerCommand>> commands;

    /**
     * Scans the message contract for command records.
     */
    public CommandCatalogue() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(LedgerCommand.class));
        SortedMap<String, Class<? extends LedgerCommand>> found = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents(LedgerCommand.class.getPackageName()
                .substring(0, LedgerCommand.class.getPackageName().lastIndexOf('.')))) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            if (type.isRecord()) {
                found.put(type.getSimpleName(), type.asSubclass(LedgerCommand.class));
            }
        }
        this.commands = Collections.unmodifiableSortedMap(found);
    }

    /**
     * The command type of a name.
     *
     * @param name the command's simple name, such as {@code JoinCollaboration}
     * @return its type, or empty when there is no such command
     */
    public Optional<Class<? extends LedgerCommand>> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /**
     * All command names, sorted.
     *
     * @return the names
     */
    public Set<String> names() {
        return commands.keySet();
    }
}
