package no.trondelag.samhandling.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Samhandling ledger: an event-sourced record of the Trøndelag municipalities' joint digitalisation work.
 */
@SpringBootApplication(scanBasePackages = "no.trondelag.samhandling")
public class LedgerApplication {

    /** The JVM property by which Axon's update checker is switched off; the ledger makes no outbound calls. */
    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    /**
     * Starts the ledger. A start that fails exits the JVM with status 1: the threads a half-started node leaves
     * behind (a connection to Axon Server, a JGroups channel) would otherwise keep it running without serving.
     *
     * @param args Spring Boot arguments
     */
    public static void main(String[] args) {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
        try {
            SpringApplication.run(LedgerApplication.class, args);
        } catch (RuntimeException failedStart) {
            // Spring Boot has logged why and closed the context
            System.exit(1);
        }
    }
}
