package no.trondelag.samhandling.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of the specification, enforced: the message contract stands alone, the read side never reaches
 * into the write side, and the standalone verifier needs nothing of the ledger, nor Spring, nor Axon.
 */
class ModuleBoundariesTest {

    private static final String API = "no.trondelag.samhandling.api..";
    private static final String COMMAND = "no.trondelag.samhandling.command..";
    private static final String QUERY = "no.trondelag.samhandling.query..";
    private static final String APP = "no.trondelag.samhandling.app..";
    private static final String VERIFIER = "no.trondelag.samhandling.verifier..";

    private static JavaClasses classes;

    @BeforeAll
    static void importLedgerClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("no.trondelag.samhandling");
    }

    @Test
    void queryModelNeverDependsOnCommandModel() {
        noClasses().that().resideInAPackage(QUERY)
                .should().dependOnClassesThat().resideInAPackage(COMMAND)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void commandModelNeverDependsOnQueryModel() {
        noClasses().that().resideInAPackage(COMMAND)
                .should().dependOnClassesThat().resideInAPackage(QUERY)
                .check(classes);
    }

    @Test
    void contractDependsOnNothingButTheJdkAndAxonAnnotations() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, APP,
                        "org.springframework..", "jakarta.persistence..", "com.fasterxml..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void modelsNeverDependOnTheApplication() {
        noClasses().that().resideInAnyPackage(COMMAND, QUERY)
                .should().dependOnClassesThat().resideInAPackage(APP)
                .check(classes);
    }

    @Test
    void theVerifierStandsAloneWithTheJdkAndJackson() {
        noClasses().that().resideInAPackage(VERIFIER)
                .should().dependOnClassesThat().resideInAnyPackage(API, COMMAND, QUERY, APP,
                        "org.springframework..", "org.axonframework..", "org.bouncycastle..")
                .check(classes);
    }
}
