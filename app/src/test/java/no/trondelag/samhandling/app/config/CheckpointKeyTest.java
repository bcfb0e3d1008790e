package no.trondelag.samhandling.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import no.trondelag.samhandling.app.ledger.CheckpointProperties;
import no.trondelag.samhandling.app.ledger.CheckpointSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the checkpoint signing key comes from (ADR 0031): configured as text, else read from the key file, else (in
 * the embedded default) created into the key file on first start and read back from it on every later one.
 */
class CheckpointKeyTest {

    private static final String ORIGIN = "samhandling.trondelag.no/ledger";

    @Test
    void theEmbeddedDefaultCreatesAKeyOnFirstStartKeepsItPrivateAndReadsTheSameOneLater(@TempDir Path data)
            throws Exception {
        Path keyFile = data.resolve("data/ledger-signing.key");
        CheckpointProperties properties = new CheckpointProperties(ORIGIN, "", keyFile.toString(), true, null, null);

        CheckpointSigner first = LedgerIntegrityConfiguration.signer(properties, false);
        CheckpointSigner second = LedgerIntegrityConfiguration.signer(properties, false);

        assertThat(Files.readString(keyFile).strip()).isEqualTo(first.text());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(second.verifierKey()).isEqualTo(first.verifierKey());
    }

    @Test
    void aConfiguredKeyWinsOverTheKeyFile(@TempDir Path data) throws Exception {
        Path keyFile = data.resolve("ledger-signing.key");
        Files.writeString(keyFile, CheckpointSigner.generate(ORIGIN).text());
        CheckpointSigner configured = CheckpointSigner.generate(ORIGIN);

        CheckpointSigner used = LedgerIntegrityConfiguration.signer(new CheckpointProperties(ORIGIN,
                configured.text(), keyFile.toString(), false, null, null), true);

        assertThat(used.verifierKey()).isEqualTo(configured.verifierKey());
    }

    @Test
    void aKeyNamedOtherwiseThanTheLogIsRefused() {
        CheckpointProperties properties = new CheckpointProperties(ORIGIN,
                CheckpointSigner.generate("another.example/log").text(), "", false, null, null);

        assertThatThrownBy(() -> LedgerIntegrityConfiguration.signer(properties, false))
                .hasMessageContaining("named another.example/log").hasMessageContaining("must be the same");
    }

    @Test
    void withoutAKeyAndWithoutLeaveToCreateOneTheLedgerDoesNotStart(@TempDir Path data) {
        CheckpointProperties properties = new CheckpointProperties(ORIGIN, null,
                data.resolve("missing.key").toString(), false, null, null);

        assertThatThrownBy(() -> LedgerIntegrityConfiguration.signer(properties, false))
                .hasMessageContaining("No checkpoint signing key");
        assertThat(data.resolve("missing.key")).doesNotExist();
    }
}
