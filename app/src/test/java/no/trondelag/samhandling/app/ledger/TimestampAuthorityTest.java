package no.trondelag.samhandling.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The RFC 3161 client against a local time-stamping authority: an honest reply is kept with a token over the
 * data's SHA-256, signed by the authority; every reply that does not hold is refused.
 */
class TimestampAuthorityTest {

    private static LocalTimestampAuthority local;

    @BeforeAll
    static void start() throws Exception {
        local = new LocalTimestampAuthority();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void anHonestReplyHoldsATokenOverTheDataSignedByTheAuthority() throws Exception {
        local.behave(LocalTimestampAuthority.Behaviour.HONEST);
        byte[] note = "samhandling.trondelag.no/ledger\n3\nAAAA\n".getBytes(StandardCharsets.UTF_8);

        byte[] reply = new TimestampAuthority(local.url(), Duration.ofSeconds(5)).timestamp(note);

        TimeStampToken token = new TimeStampResponse(reply).getTimeStampToken();
        assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(note));
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(local.certificate()));
        assertThat(token.isSignatureValid(new JcaSimpleSignerInfoVerifierBuilder().build(local.certificate())))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = LocalTimestampAuthority.Behaviour.class, names = "HONEST", mode = EnumSource.Mode.EXCLUDE)
    void aReplyThatDoesNotHoldIsRefused(LocalTimestampAuthority.Behaviour behaviour) {
        local.behave(behaviour);

        assertThatThrownBy(() -> new TimestampAuthority(local.url(), Duration.ofSeconds(5))
                .timestamp("note\n".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }

    @Test
    void anAuthorityThatCannotBeReachedIsAnIoFailure() {
        assertThatThrownBy(() -> new TimestampAuthority(java.net.URI.create("http://127.0.0.1:1/tsa"),
                Duration.ofSeconds(2)).timestamp(new byte[] {1})).isInstanceOf(IOException.class);
    }
}
