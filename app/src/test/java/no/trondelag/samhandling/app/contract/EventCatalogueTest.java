package no.trondelag.samhandling.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.app.command.CommandCatalogue;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Generates {@code docs/event-catalogue.md} from the code and fails when the committed file differs, so the catalogue
 * cannot drift from the contract. Every fact in it is read from the code: the events are the records implementing
 * {@link LedgerEvent}, grouped by feature package; the revision is their {@code @Revision}; the description is the
 * first sentence of their Javadoc and of their package's; the emitting commands are found in the command model's
 * sources as the command parameter of the method or constructor that creates the event; the sample is the approved
 * JSON file pinned by {@link EventApprovalTest}. Run with {@code -Dapprove=true} to write the file after a deliberate
 * change.
 */
class EventCatalogueTest {

    private static final Path CATALOGUE = Path.of("../docs/event-catalogue.md");
    private static final Path CONTRACT_SOURCES = Path.of("../api/src/main/java");
    private static final Path COMMAND_MODEL_SOURCES = Path.of("../command-model/src/main/java");
    private static final Path APPROVED = Path.of("src/test/resources/approved-events");
    private static final String CONTRACT_PACKAGE = "no.trondelag.samhandling.api";

    /** A method or constructor declared at class-member indentation (four spaces), with its parameter list. */
    private static final Pattern MEMBER = Pattern.compile(
            "^ {4}(?=[@\\w])(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final|synchronized)\\s+)*"
                    + "(?:[\\w.<>\\[\\],? ]+\\s+)?\\w+\\s*\\(([^)]*)\\)\\s*(?:throws\\s+[\\w.,\\s]+?)?\\s*\\{",
            Pattern.MULTILINE);
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_]\\w*\\.)+([A-Z]\\w*)");

    private static List<Class<? extends LedgerEvent>> events;
    private static Map<String, Set<Emission>> emissions;

    @BeforeAll
    static void readTheCode() {
        events = contractEvents();
        emissions = emissionsIn(COMMAND_MODEL_SOURCES, eventNames(events), new CommandCatalogue().names());
    }

    @Test
    void catalogueCoversEveryEventOfTheContractAndEverySampleIsAnEvent() {
        // given
        Set<String> sampled = EventSamples.all().stream()
                .map(event -> event.getClass().getSimpleName())
                .collect(Collectors.toSet());

        // then
        assertThat(eventNames(events)).containsExactlyInAnyOrderElementsOf(sampled);
    }

    @Test
    void everyEventIsEmittedByACommandHandler() {
        assertThat(events).allSatisfy(event -> assertThat(emissions.get(event.getSimpleName()))
                .as("commands creating %s in the command model", event.getSimpleName())
                .isNotEmpty()
                .allSatisfy(emission -> assertThat(emission.command())
                        .as("the command parameter of the member creating %s in %s", event.getSimpleName(),
                                emission.aggregate())
                        .isNotNull()));
    }

    @Test
    void committedCatalogueMatchesTheCode() throws IOException {
        // given
        String generated = render();

        // when
        if (Boolean.getBoolean("approve")) {
            Files.writeString(CATALOGUE, generated, StandardCharsets.UTF_8);
        }

        // then
        assertThat(CATALOGUE).as("the committed catalogue; run with -Dapprove=true to write it").exists();
        assertThat(Files.readString(CATALOGUE, StandardCharsets.UTF_8))
                .as("docs/event-catalogue.md is out of date; run EventCatalogueTest with -Dapprove=true")
                .isEqualTo(generated);
    }

    /**
     * Where an event is created: the command whose handling creates it, and the class it is created in.
     */
    private record Emission(String command, String aggregate) implements Comparable<Emission> {

        @Override
        public int compareTo(Emission other) {
            return (command + " " + aggregate).compareTo(other.command + " " + other.aggregate);
        }
    }

    private static String render() {
        Map<String, List<Class<? extends LedgerEvent>>> byFeature = new LinkedHashMap<>();
        for (Class<? extends LedgerEvent> event : events) {
            byFeature.computeIfAbsent(feature(event), feature -> new ArrayList<>()).add(event);
        }

        StringBuilder out = new StringBuilder();
        out.append("# Event catalogue\n\n")
                .append("<!-- Generated by EventCatalogueTest from the code. Do not edit by hand: change the code, ")
                .append("then run the test with -Dapprove=true. -->\n\n")
                .append("Every fact the ledger records, as the `api` module defines it. This page is generated from ")
                .append("the code by `EventCatalogueTest` (app module), which fails when it is out of date:\n\n")
                .append("- the events are the records implementing `LedgerEvent`, grouped by feature package;\n")
                .append("- the description is the first sentence of the record's Javadoc;\n")
                .append("- \"emitted by\" names the commands whose handling creates the event in `command-model`, ")
                .append("and the class that creates it;\n")
                .append("- the sample is the approved serialized form in ")
                .append("`app/src/test/resources/approved-events`, pinned by `EventApprovalTest`.\n\n")
                .append("Stored events carry their fully qualified type as `payloadType` and their revision as ")
                .append("`payloadRevision`. Absent values are left out of the JSON. An `Authority` is either ")
                .append("`{\"decisionId\"}` (a steering-group decision recorded in the ledger) or ")
                .append("`{\"body\", \"caseNumber\", \"date\"}` (an external decision). Every event also carries ")
                .append("the metadata `actor`, `correlationId` and `causationId`, and `authority` when its command ")
                .append("cited one (see [ADR 0009](adr/0009-provenance-metadata.md)).\n\n")
                .append("## Overview\n\n")
                .append("| Event | Feature | Revision | Emitted by |\n")
                .append("|---|---|---|---|\n");
        byFeature.forEach((feature, featureEvents) -> featureEvents.forEach(event -> out.append("| [")
                .append(event.getSimpleName()).append("](#").append(event.getSimpleName().toLowerCase())
                .append(") | ").append(feature).append(" | ").append(revision(event)).append(" | ")
                .append(commandsEmitting(event)).append(" |\n")));

        byFeature.forEach((feature, featureEvents) -> {
            out.append("\n## ").append(feature).append("\n\n")
                    .append(firstSentence(javadoc(packageInfo(featureEvents.get(0)), "package"))).append("\n");
            for (Class<? extends LedgerEvent> event : featureEvents) {
                out.append("\n### ").append(event.getSimpleName()).append("\n\n")
                        .append(firstSentence(javadoc(source(event), "public record"))).append("\n\n")
                        .append("- Type: `").append(event.getName()).append("`\n")
                        .append("- Revision: `").append(revision(event)).append("`\n")
                        .append("- Emitted by: ").append(emitters(event)).append("\n\n")
                        .append("| Field | Type |\n")
                        .append("|---|---|\n");
                for (RecordComponent component : event.getRecordComponents()) {
                    out.append("| `").append(component.getName()).append("` | `")
                            .append(simpleTypeName(component.getGenericType().getTypeName())).append("` |\n");
                }
                out.append("\nApproved sample:\n\n```json\n")
                        .append(read(APPROVED.resolve(event.getSimpleName() + ".json")).strip())
                        .append("\n```\n");
            }
        });
        return out.toString();
    }

    private static List<Class<? extends LedgerEvent>> contractEvents() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(LedgerEvent.class));
        Map<String, Class<? extends LedgerEvent>> found = new TreeMap<>();
        scanner.findCandidateComponents(CONTRACT_PACKAGE).forEach(candidate -> {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
                    EventCatalogueTest.class.getClassLoader());
            if (type.isRecord()) {
                found.put(type.getSimpleName(), type.asSubclass(LedgerEvent.class));
            }
        });
        // The samples list the events in the order of their lifecycle; events without a sample follow by name.
        List<Class<? extends LedgerEvent>> ordered = new ArrayList<>();
        for (LedgerEvent sample : EventSamples.all()) {
            Class<? extends LedgerEvent> event = found.remove(sample.getClass().getSimpleName());
            if (event != null) {
                ordered.add(event);
            }
        }
        ordered.addAll(found.values());
        return ordered;
    }

    private static Set<String> eventNames(List<Class<? extends LedgerEvent>> eventTypes) {
        return eventTypes.stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Finds each {@code new <Event>(} in the command model's sources and names the command parameter of the
     * method or constructor around it; a {@code null} command means the creating member takes no command.
     */
    private static Map<String, Set<Emission>> emissionsIn(Path sources, Set<String> eventNames,
                                                          Set<String> commandNames) {
        Map<String, Set<Emission>> found = new TreeMap<>();
        Pattern creation = Pattern.compile("\\bnew\\s+(" + String.join("|", eventNames) + ")\\s*\\(");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String code = BLOCK_COMMENT.matcher(read(file)).replaceAll("");
                String aggregate = file.getFileName().toString().replace(".java", "");
                Matcher created = creation.matcher(code);
                while (created.find()) {
                    String parameters = enclosingParameters(code, created.start());
                    found.computeIfAbsent(created.group(1), event -> new TreeSet<>())
                            .add(new Emission(commandParameter(parameters, commandNames), aggregate));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String enclosingParameters(String code, int position) {
        String parameters = null;
        Matcher member = MEMBER.matcher(code);
        while (member.find() && member.start() < position) {
            parameters = member.group(1);
        }
        return parameters == null ? "" : parameters;
    }

    private static String commandParameter(String parameters, Set<String> commandNames) {
        for (String parameter : parameters.split(",")) {
            String[] words = parameter.replaceAll("@\\w+", "").trim().split("\\s+");
            if (words.length >= 2) {
                String type = words[words.length - 2].replaceAll("<.*", "");
                String simpleType = type.substring(type.lastIndexOf('.') + 1);
                if (commandNames.contains(simpleType)) {
                    return simpleType;
                }
            }
        }
        return null;
    }

    private static String commandsEmitting(Class<? extends LedgerEvent> event) {
        return emissions.getOrDefault(event.getSimpleName(), Set.of()).stream()
                .map(emission -> "`" + emission.command() + "`")
                .distinct()
                .collect(Collectors.joining(", "));
    }

    private static String emitters(Class<? extends LedgerEvent> event) {
        return emissions.getOrDefault(event.getSimpleName(), Set.of()).stream()
                .map(emission -> "`" + emission.command() + "` (in `" + emission.aggregate() + "`)")
                .collect(Collectors.joining(", "));
    }

    private static String feature(Class<?> event) {
        String packageName = event.getPackageName();
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }

    private static String revision(Class<?> event) {
        Revision revision = event.getAnnotation(Revision.class);
        return revision == null ? "none" : revision.value();
    }

    private static Path source(Class<?> type) {
        return CONTRACT_SOURCES.resolve(type.getName().replace('.', '/') + ".java");
    }

    private static Path packageInfo(Class<?> type) {
        return CONTRACT_SOURCES.resolve(type.getPackageName().replace('.', '/')).resolve("package-info.java");
    }

    /**
     * The main description of the Javadoc comment that precedes the given declaration, without its block tags.
     */
    private static String javadoc(Path file, String declaration) {
        Matcher comment = Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
                + Pattern.quote(declaration), Pattern.DOTALL).matcher(read(file));
        assertThat(comment.find()).as("Javadoc before '%s' in %s", declaration, file).isTrue();
        StringBuilder text = new StringBuilder();
        for (String line : comment.group(1).split("\n")) {
            String content = line.strip().replaceFirst("^\\*\\s?", "").strip();
            if (content.startsWith("@")) {
                break;
            }
            text.append(content).append(' ');
        }
        return text.toString()
                .replaceAll("\\{@(?:code|link|linkplain)\\s+([^}]*)}", "`$1`")
                .replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static String firstSentence(String text) {
        Matcher sentence = Pattern.compile("^(.*?[.!?])(?:\\s|$)").matcher(text);
        return sentence.find() ? sentence.group(1) : text;
    }

    private static String simpleTypeName(String typeName) {
        return QUALIFIED_NAME.matcher(typeName).replaceAll("$1");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
