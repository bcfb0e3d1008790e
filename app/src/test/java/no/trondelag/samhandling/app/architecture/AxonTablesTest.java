package no.trondelag.samhandling.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Nothing outside Axon reads or writes Axon's own tables: what the ledger needs of the event store and the tracking
 * tokens goes through Axon's API, so it works on any event store (ADR 0026, ADR 0030). A class names such a table
 * only in the text of an SQL statement, so the test looks for the table names among the strings of every main class
 * of the command side, the read side and the application.
 *
 * <p>Only the storage adapter, the package that configures Axon's storage engines, may name them; today no class
 * there does either (the engines' own schemas name them).
 */
class AxonTablesTest {

    private static final List<String> AXON_TABLES = List.of("domainevententry", "snapshotevententry", "tokenentry",
            "deadletterentry", "sagaentry", "associationvalueentry");

    /** The one package allowed to name Axon's tables: where the storage engines are configured. */
    private static final String STORAGE_ADAPTER = "no.trondelag.samhandling.app.config";

    @Test
    void onlyTheStorageAdapterMayNameAxonsTables() {
        Set<String> naming = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("no.trondelag.samhandling.command", "no.trondelag.samhandling.query",
                        "no.trondelag.samhandling.app")) {
            String strings = classFileText(type);
            if (!type.getPackageName().equals(STORAGE_ADAPTER)
                    && AXON_TABLES.stream().anyMatch(strings::contains)) {
                naming.add(type.getName().replaceAll("\\$.*", ""));
            }
        }
        assertThat(naming).as("classes outside " + STORAGE_ADAPTER + " naming Axon's tables").isEmpty();
    }

    /** The class file as lower-case text: its constant pool holds every string literal, SQL included. */
    private static String classFileText(JavaClass type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = AxonTablesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
