package no.trondelag.samhandling.app.ledger;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the ledger signs checkpoints of its Merkle tree (ADR 0031).
 *
 * @param origin             the log's name, first line of every checkpoint and name of its key (default
 *                           {@code samhandling.trondelag.no/ledger})
 * @param signingKey         the signing key as text ({@code PRIVATE+KEY+…}); takes precedence over the key file
 * @param keyFile            where the signing key is kept; empty: nowhere
 * @param generateKey        whether a key is created when none is configured: into the key file when one is named
 *                           (the embedded default, on first start), else for this run only; the {@code prod}
 *                           profile refuses to start with it
 * @param timestampAuthority an RFC 3161 time-stamping authority to time-stamp each checkpoint, or {@code null}
 * @param timestampTimeout   how long one time-stamping request may take (default 10 seconds)
 */
@ConfigurationProperties("ledger.integrity.checkpoints")
public record CheckpointProperties(String origin, String signingKey, String keyFile, boolean generateKey,
                                   URI timestampAuthority, Duration timestampTimeout) {

    public CheckpointProperties {
        origin = origin == null || origin.isBlank() ? "samhandling.trondelag.no/ledger" : origin;
        timestampTimeout = timestampTimeout == null ? Duration.ofSeconds(10) : timestampTimeout;
        if (timestampAuthority != null && timestampAuthority.toString().isBlank()) {
            timestampAuthority = null;
        }
    }
}
