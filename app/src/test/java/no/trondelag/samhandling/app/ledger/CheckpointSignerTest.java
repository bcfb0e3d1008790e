package no.trondelag.samhandling.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import no.trondelag.samhandling.verifier.Checkpoint;
import no.trondelag.samhandling.verifier.Hash;
import no.trondelag.samhandling.verifier.ProofException;
import no.trondelag.samhandling.verifier.VerifierKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checkpoint signing key: kept as text and read back to the same key, its checkpoints verified by its public key
 * alone, and refused when the text is not such a key.
 */
class CheckpointSignerTest {

    private static final String ORIGIN = "samhandling.trondelag.no/ledger";

    @Test
    void aKeyReadBackFromItsTextSignsCheckpointsItsVerifierKeyAccepts() throws ProofException {
        CheckpointSigner generated = CheckpointSigner.generate(ORIGIN);
        CheckpointSigner read = CheckpointSigner.parse(generated.text());
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 42, Hash.fromHex("ab".repeat(32)),
                Instant.parse("2024-01-08T08:00:00Z"));

        String note = read.sign(checkpoint);

        assertThat(read.verifierKey()).isEqualTo(generated.verifierKey());
        assertThat(VerifierKey.parse(generated.verifierKey().text())).isEqualTo(generated.verifierKey());
        assertThat(Checkpoint.verify(note, generated.verifierKey())).isEqualTo(checkpoint);
    }

    @Test
    void anotherKeysCheckpointsAreRefused() {
        String note = CheckpointSigner.generate(ORIGIN).sign(new Checkpoint(ORIGIN, 1, Hash.ZERO, Instant.EPOCH));

        assertThatThrownBy(() -> Checkpoint.verify(note, CheckpointSigner.generate(ORIGIN).verifierKey()))
                .isInstanceOf(ProofException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "samhandling+cac1fb71+AVLF", "PRIVATE+KEY+name+cac1fb71",
            "PRIVATE+KEY+samhandling.trondelag.no/ledger+00000000+AVLFfhgKQVWbRRVN+Jvf0oyRRr85FVd2XEc1pIMww1yy",
            "PRIVATE+KEY+samhandling.trondelag.no/ledger+cac1fb71+AlLFfhgKQVWbRRVN+Jvf0oyRRr85FVd2XEc1pIMww1yy",
            "PRIVATE+KEY+samhandling.trondelag.no/ledger+cac1fb71+not base64!"})
    void textThatIsNotASigningKeyIsRefused(String text) {
        assertThatThrownBy(() -> CheckpointSigner.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
